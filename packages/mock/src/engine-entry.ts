/**
 * One Prism engine, run by engine-process.ts as a child process: Prism's own HTTP server
 * (`@stoplight/prism-http-server`, the server `prism mock` runs) with the configuration of
 * `prism mock --errors`, for the spec named by the first argument, on 127.0.0.1 and a free port. It tells its
 * parent its URL over the IPC channel, judges the orders the parent sends it with the client's rule table,
 * and exits when that channel closes (the parent stopped or died).
 *
 * It logs nothing per request. The Prism CLI pipes every log line through jsonrepair and signale and logs
 * each violation twice: an order with 10,000 bad items cost 1.7 s there and 0.17 s here (measured with
 * `--verboseLevel silent` against the default), and its log flooded the process reading it.
 */
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import type { EngineMessage } from "./engines.js";
import { judgeOrder } from "./vendor-answer.js";

// The parent is gone, or stops this engine: nothing here outlives it (the engine holds no files).
process.on("disconnect", () => process.exit(0));
// The rule table judges orders here, in this process: a body with thousands of problems takes a tenth of a
// second or more to list, which must not hold up the parent that serves every other request.
process.on("message", (message: EngineMessage) => {
  if (message.kind !== "judge") return;
  const { id, ...order } = message;
  process.send?.({ kind: "verdict", id, verdict: judgeOrder(order) } satisfies EngineMessage);
});

const [spec] = process.argv.slice(2);
try {
  if (spec === undefined) throw new Error("no spec given");
  const operations = await getHttpOperationsFromSpec(spec);
  if (operations.length === 0) throw new Error("No operations found in the current file.");
  const server = createServer(operations, {
    cors: true,
    components: { logger: createLogger("ENGINE", { level: "silent" }) },
    config: {
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: true,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: false, ignoreExamples: false },
    },
  });
  const url = await server.listen(0, "127.0.0.1");
  // The front reads and judges orders itself, so it must know where the spec routes them.
  const purchase = operations.find((operation) => operation.iid === "purchaseTollFreeNumbers");
  process.send?.({
    kind: "ready",
    url,
    orderRoute: purchase && { method: purchase.method.toUpperCase(), path: purchase.path },
  } satisfies EngineMessage);
} catch (error) {
  console.error(`fatal: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
