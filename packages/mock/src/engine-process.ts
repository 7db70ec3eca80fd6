import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OrderVerdict } from "./order-verdict.js";
import { PrismStartError } from "./prism-start-error.js";
import { supervise } from "./supervised-child.js";

/** Where a spec sends a request: a method and a path, as `POST` `/_rest/v3/my/tf/orders`. */
export interface Route {
  method: string;
  path: string;
}

/** The body of an order and how it was sent, for the rule table to judge (see judgeOrder). */
export interface OrderBody {
  body: Uint8Array;
  contentType: string | undefined;
  hasBody: boolean;
}

/** The messages between an engine and its parent, over the IPC channel. */
export type EngineMessage =
  /** engine → parent, once: it listens. `orderRoute` is undefined when the spec has no `purchaseTollFreeNumbers`. */
  | { kind: "ready"; url: string; orderRoute: Route | undefined }
  /** parent → engine: judge this order with the rule table. */
  | ({ kind: "judge"; id: number } & OrderBody)
  /** engine → parent: the verdict on order `id`. */
  | { kind: "verdict"; id: number; verdict: OrderVerdict };

/** A running Prism engine: engine-entry.ts in a child process of its own. */
export interface Engine {
  /** Its base URL on 127.0.0.1. */
  readonly url: string;
  readonly orderRoute: Route | undefined;
  readonly pid: number;
  /** Settles once the engine's process has exited, for whatever reason. */
  readonly closed: Promise<void>;
  /**
   * Judges an order with the rule table the engine loaded when it started (so a rebuilt client is picked up
   * by the next engine). The work happens in the engine's process, never in this one.
   */
  judge(order: OrderBody): Promise<OrderVerdict>;
  /** Ends the engine's process; resolves once it is gone. Calling it again returns the same promise. */
  stop(): Promise<void>;
}

/** Options of {@link startEngine}. */
export interface EngineOptions {
  startTimeoutMs: number;
  /** Receives every line the engine prints (only its failures: it logs nothing per request). */
  onLog: ((line: string) => void) | undefined;
}

/**
 * Starts a Prism engine for a single-file spec and resolves once it listens.
 *
 * @throws PrismStartError with the engine's output when the spec cannot be served, the engine exits early, or
 *   it does not listen within `startTimeoutMs`; its process is gone by then.
 */
export async function startEngine(spec: string, options: EngineOptions): Promise<Engine> {
  const child = fork(engineEntry(), [spec], {
    // None of this process's flags (a debugger, vitest's loaders) belong in the engine.
    execArgv: [],
    // The IPC channel carries the URL and the orders to judge; its end tells the engine this process is gone.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    // Structured clone: an order's bytes travel as bytes, not as a JSON array of numbers.
    serialization: "advanced",
  });
  const supervised = supervise(child, (line) => options.onLog?.(line));

  const pending = new Map<number, { resolve: (verdict: OrderVerdict) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  child.on("message", (message: EngineMessage) => {
    if (message.kind !== "verdict") return;
    pending.get(message.id)?.resolve(message.verdict);
    pending.delete(message.id);
  });
  void supervised.closed.then(() => {
    for (const { reject } of pending.values()) reject(new Error("the engine exited"));
    pending.clear();
  });
  const judge = (order: OrderBody) =>
    new Promise<OrderVerdict>((resolve, reject) => {
      if (!child.connected) return reject(new Error("the engine has exited"));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ kind: "judge", id, ...order } satisfies EngineMessage);
    });

  const ready = await new Promise<{ url: string; orderRoute: Route | undefined }>((resolve, reject) => {
    let settled = false;
    const fail = async (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      await supervised.stop();
      reject(new PrismStartError(reason, supervised.log(), child.pid));
    };
    const timeout = setTimeout(
      () => void fail(`Prism did not listen within ${options.startTimeoutMs} ms`),
      options.startTimeoutMs,
    );
    child.on("message", (message: EngineMessage) => {
      if (message.kind !== "ready" || settled) return;
      settled = true;
      clearTimeout(timeout);
      resolve(message);
    });
    child.once("error", (error) => void fail(`Cannot run Prism: ${error.message}`));
    void supervised.closed.then(() =>
      fail(
        /^fatal: /m.test(supervised.log())
          ? "Prism reported a fatal error"
          : `Prism exited before it listened (exit code ${String(child.exitCode)})`,
      ),
    );
  });
  return {
    url: ready.url,
    orderRoute: ready.orderRoute,
    pid: supervised.pid,
    closed: supervised.closed,
    judge,
    stop: supervised.stop,
  };
}

/**
 * The engine's compiled entry. It is looked up through `../dist/`, which names the same file from `src/` (where
 * the tests run this module) and from `dist/`: a child process cannot run TypeScript on Node 20.
 */
function engineEntry(): string {
  const entry = fileURLToPath(new URL("../dist/engine-entry.js", import.meta.url));
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build -w @tf-orders/mock\` first.`);
  return entry;
}
