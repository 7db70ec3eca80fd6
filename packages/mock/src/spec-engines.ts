import { Agent, type IncomingMessage } from "node:http";
import { type EngineAnswer, exchangeWithEngine } from "./engine-exchange.js";
import { type Engine, type EngineOptions, startEngine } from "./engine-process.js";
import type { OrderVerdict } from "./order-verdict.js";

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
