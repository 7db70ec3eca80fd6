import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EngineAnswer } from "./engine-exchange.js";
import { frontRefusal } from "./front-refusals.js";
import { PrismStartError } from "./prism-start-error.js";
import { BodyBudget, readBody } from "./read-body.js";
import type { MockRequest } from "./request-log.js";
import { pathOf, type SpecEngines } from "./spec-engines.js";
import { answerOrder, vendorError } from "./vendor-answer.js";

/** Options of {@link startFront}. */
export interface FrontOptions {
  host: string;
  port: number;
  /** The largest request body accepted; a bigger one gets 413 without reaching Prism. */
  maxBodyBytes: number;
  /** The engines that serve the next request (the front waits while the first ones start). */
  engines: () => Promise<SpecEngines>;
  onRequest: ((request: MockRequest) => void) | undefined;
  /** Receives what goes wrong in the front itself (an engine that failed to answer). */
  onLog: ((line: string) => void) | undefined;
}

/** The listening front of a mock. */
export interface Front {
  readonly url: string;
  /** Stops listening and ends every connection. */
  close(): Promise<void>;
}

/** All requests together hold at most this many times the body limit. */
const budgetInBodies = 64;
/** After a refusal the rest of a body is read and dropped up to this many times the limit, then cut off. */
const drainInBodies = 16;

/**
 * The mock's HTTP front: the one socket clients see, in front of Prism's engines. For each request it reads
 * the body (refusing one over `maxBodyBytes` at once, with 413), has the engines serve it (an order is judged
 * by the rule table, then answered by the engine of its lane), gives an invalid order the vendor's message for
 * its actual problem (see answerOrder), and reports the request to `onRequest`. Everything else of Prism's
 * answer passes through. The front itself never runs the rule table or Prism, so nothing a client sends can
 * hold it up for long.
 *
 * @throws PrismStartError when it cannot listen (`portInUse` when the port is taken).
 */
export async function startFront(options: FrontOptions): Promise<Front> {
  const { maxBodyBytes } = options;
  const budget = new BodyBudget(budgetInBodies * maxBodyBytes);

  const answer = async (request: IncomingMessage, held: { bytes: number }): Promise<Answered> => {
    const read = await readBody(request, maxBodyBytes, budget, held);
    if (read.kind === "aborted") return { kind: "aborted" };
    if (read.kind !== "read") {
      const refusal =
        read.kind === "too large"
          ? frontRefusal(
              413,
              `The request body is larger than the mock's limit of ${maxBodyBytes} bytes.`,
              request.headers,
            )
          : frontRefusal(503, "The mock holds too many request bodies at once; retry shortly.", request.headers);
      return { kind: "answer", answer: refusal, closeAfter: true };
    }
    const { prism, verdict } = await (await options.engines()).serve(request, read.body);
    if (verdict === undefined) return { kind: "answer", answer: prism, closeAfter: false };
    const order = answerOrder(verdict, prism, header(request.headers.prefer));
    return { kind: "answer", answer: order.answer, closeAfter: false, fidelityWarning: order.fidelityWarning };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const arrived = performance.now();
    const held = { bytes: 0 };
    response.once("close", () => budget.give(held.bytes));
    let answered: Answered;
    try {
      answered = await answer(request, held);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.onLog?.(`The mock could not answer ${request.method} ${pathOf(request.url)}: ${reason}`);
      answered = {
        kind: "answer",
        answer: frontRefusal(502, `The mock's Prism engine did not answer: ${reason}`, request.headers),
        closeAfter: false,
      };
    }
    if (answered.kind === "aborted" || response.destroyed) return;
    send(response, answered.answer, answered.closeAfter);
    if (answered.closeAfter) dropRest(request, drainInBodies * maxBodyBytes);
    const logged: MockRequest = {
      method: request.method ?? "GET",
      path: pathOf(request.url),
      status: answered.answer.status,
      durationMs: performance.now() - arrived,
    };
    const message = vendorError(answered.answer);
    if (message !== undefined) logged.message = message;
    if (answered.fidelityWarning !== undefined) logged.fidelityWarning = answered.fidelityWarning;
    options.onRequest?.(logged);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onLog?.(`The mock's request log failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? PrismStartError.takenPort(options.host, options.port, error.message, undefined)
          : new PrismStartError(`Cannot listen on ${options.host}:${options.port}: ${error.message}`, "", undefined),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

type Answered =
  | { kind: "answer"; answer: EngineAnswer; closeAfter: boolean; fidelityWarning?: string | undefined }
  | { kind: "aborted" };

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function send(response: ServerResponse, answer: EngineAnswer, closeAfter: boolean): void {
  const headers = [...answer.headers, ["Content-Length", String(answer.body.length)]];
  if (closeAfter) headers.push(["Connection", "close"]);
  response.writeHead(answer.status, headers.flat());
  response.end(answer.body);
}

/** Reads and drops what is left of a refused body, so that the client gets the answer, but no more than `cap`. */
function dropRest(request: IncomingMessage, cap: number): void {
  let dropped = 0;
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) request.socket.destroy();
  });
  request.resume();
}
