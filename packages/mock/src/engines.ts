// The Prism engines behind the front: child processes running Prism's HTTP server on the spec, one for prompt
// requests and one for heavy ones, swapped for new ones when the spec changes.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, type IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import { supervise } from "./children.js";
import { type EngineAnswer, exchangeWithEngine } from "./front.js";
import { PrismStartError } from "./prism-process.js";
import type { OrderVerdict } from "./vendor-answer.js";

/**
 * Which engine a request goes to. Prism validates on one thread, at about 16 µs per invalid item or unknown
 * key, so one pathological order under the body limit holds an engine for a second or more. `prompt` only ever
 * gets cheap requests — small orders the rule table accepts, and other small bodies — so it answers them at
 * once while `heavy` works through everything else.
 */
export type Lane = "prompt" | "heavy";

/** What the engines made of one request: Prism's answer, and the rule table's verdict when it is an order. */
export interface Served {
  prism: EngineAnswer;
  verdict: OrderVerdict | undefined;
}

/** The engines serving one version of the spec: one per lane. */
export interface SpecEngines {
  /** The spec file they serve. */
  readonly spec: string;
  /** The PID of the `prompt` engine, which runs as long as these engines serve. */
  readonly promptPid: number;
  /** Settles as soon as one of the engines exits, for whatever reason. */
  readonly closed: Promise<void>;
  /**
   * Answers one request whose body has been read: an order (by the spec's route) is judged by the rule table
   * first, then the request goes to the engine of its lane. It counts as in flight until answered.
   */
  serve(incoming: IncomingMessage, body: Buffer): Promise<Served>;
  /** Waits until no request is in flight (at most `drainMs`), then stops the engines. Idempotent. */
  retire(drainMs: number): Promise<void>;
  /** Stops the engines now; requests in flight fail. */
  stop(): Promise<void>;
}

/** An order this small is judged by `prompt` (a few milliseconds at worst) and, if valid, answered there too. */
const promptOrderBytes = 2 * 1024;
/** Any other request goes to `prompt` only with a body this small (a login, a preflight). */
const promptOtherBytes = 1024;

/**
 * Starts the `prompt` engine of a spec and resolves once it listens. The `heavy` engine starts with the first
 * request that needs it: loading Prism costs about 2 s of CPU, and most runs (a CLI session, a test suite of
 * valid orders) never send an invalid order. Should it fail to start, its requests go to `prompt` (Prism still
 * judges them; only the isolation is lost) and `onLog` says so.
 *
 * @throws PrismStartError when the spec cannot be served.
 */
export async function startSpecEngines(spec: string, options: EngineOptions): Promise<SpecEngines> {
  const prompt = await startEngine(spec, options);
  const agents = new Map<Engine, Agent>([[prompt, new Agent({ keepAlive: true })]]);
  let endNow: () => void = () => {};
  const closed = new Promise<void>((settle) => {
    endNow = settle;
  });
  void prompt.closed.then(endNow);

  let heavy: Promise<Engine> | undefined;
  const heavyEngine = () => {
    if (stopping !== undefined) return Promise.resolve(heavy ?? prompt);
    heavy ??= startEngine(spec, options).then(
      (engine) => {
        agents.set(engine, new Agent({ keepAlive: true }));
        void engine.closed.then(endNow);
        return engine;
      },
      (error: unknown) => {
        options.onLog?.(
          `The mock's second Prism engine did not start; every request goes to the first one.\n${String(error)}`,
        );
        return prompt;
      },
    );
    return heavy;
  };

  const engineOf = (lane: Lane) => (lane === "prompt" ? Promise.resolve(prompt) : heavyEngine());
  const route = prompt.orderRoute;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const serve = async (incoming: IncomingMessage, body: Buffer): Promise<Served> => {
    inFlight += 1;
    try {
      const isOrder = route !== undefined && incoming.method === route.method && pathOf(incoming.url) === route.path;
      // The rule table runs where the request would go by its size alone, so a big body never costs `prompt`.
      const small = body.length <= (isOrder ? promptOrderBytes : promptOtherBytes);
      const verdict = isOrder
        ? await (await engineOf(small ? "prompt" : "heavy"))
            // The engine is sent the body with its length, so Prism sees a body exactly when it is not empty.
            .judge({ body, contentType: incoming.headers["content-type"], hasBody: body.length > 0 })
            .catch((error: Error): OrderVerdict => ({ kind: "unjudged", reason: error.message }))
        : undefined;
      const engine = await engineOf(small && (verdict === undefined || verdict.kind === "valid") ? "prompt" : "heavy");
      return { prism: await exchangeWithEngine(engine.url, agents.get(engine)!, incoming, body), verdict };
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const engines = [prompt, ...(heavy === undefined ? [] : [await heavy])];
      for (const agent of agents.values()) agent.destroy();
      await Promise.all(engines.map((engine) => engine.stop()));
    })();
    return stopping;
  };
  let retiring: Promise<void> | undefined;
  const retire = (drainMs: number) => {
    retiring ??= (async () => {
      // A request that was handed these engines just before the switch joins them in a microtask; let it.
      await new Promise(setImmediate);
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          drained = resolve;
          timer = setTimeout(resolve, drainMs);
        });
        clearTimeout(timer);
      }
      await stop();
    })();
    return retiring;
  };

  return { spec, promptPid: prompt.pid, closed, serve, retire, stop };
}

/** The path of a request target, without its query. */
export function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://mock").pathname;
  } catch {
    return target ?? "/";
  }
}

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
