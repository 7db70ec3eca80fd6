// startMock: the mock of the API, and the one-line log of each request it answers.
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { type SpecEngines, startSpecEngines } from "./engines.js";
import { startFront } from "./front.js";
import { defaultStartTimeoutMs } from "./prism-process.js";
import { bundledSpecPath } from "./spec-defaults.js";

/** Options shared by {@link startMock} and `startProxy`. */
export interface PrismOptions {
  /**
   * A single-file OpenAPI document to serve. Default: the repository's bundled contract
   * (`@tf-orders/spec/openapi.yaml`). Multi-file specs must be bundled first.
   */
  spec?: string;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on. Default `0`: a free port, reported in `url`. */
  port?: number;
  /** How long to wait for Prism to listen before failing. Default 60 000 ms. */
  startTimeoutMs?: number;
  /**
   * Receives Prism's own output, colours stripped. Default: discarded. The proxy's Prism logs every request
   * and violation; the mock's engines log nothing per request (see `onRequest`), only their failures.
   */
  onLog?: (line: string) => void;
}

/** Options of {@link startMock}. */
export interface MockOptions extends PrismOptions {
  /** Receives one entry per request the mock answered: method, path, status, the error message. Never a secret. */
  onRequest?: (request: MockRequest) => void;
  /**
   * The largest request body the mock accepts, in bytes. A bigger one gets `413` with
   * `{"code":413,"error":"…"}` at once, without reaching Prism. Default 65 536 (64 KiB: an order of about 1,500
   * numbers). The worst body under it (21,000 empty items of `numbers`) holds one Prism engine for about 1.3 s
   * and up to 470 MiB; four times the size costs about four times that.
   */
  maxBodyBytes?: number;
}

/** A running mock; `url` is the base URL to give a client. */
export interface RunningMock {
  /** The base URL, such as `http://127.0.0.1:4010`; it stays the same for the life of the mock, swaps included. */
  readonly url: string;
  /**
   * The PID of the Prism engine that answers valid orders, which runs as long as the mock does; it changes with
   * `swapSpec`. The engine for everything else, started with the first request that needs it, is a second
   * child process.
   */
  readonly pid: number;
  /** Settles once the mock has stopped: `stop()`, or one of its Prism engines ended unexpectedly. */
  readonly closed: Promise<void>;
  /**
   * Serves another version of the spec (such as a rebuilt bundle) without refusing a single connection:
   * starts Prism on the new spec, switches to it, then stops the old engines once the requests they are
   * answering are answered. Swaps run one after the other, in the order asked.
   *
   * @throws PrismStartError when the new spec cannot be served; the mock keeps serving the one it had.
   */
  swapSpec(spec: string): Promise<void>;
  /** Stops listening and stops Prism; resolves once every process is gone. Calling it again is harmless. */
  stop(): Promise<void>;
}

/** The default of {@link MockOptions.maxBodyBytes}. */
export const defaultMaxBodyBytes = 64 * 1024;
/** How long a swap lets the old engines finish the requests they are answering before stopping them. */
const drainMs = 10_000;

/**
 * Starts a mock of the toll-free ordering API: Prism, serving the spec's examples and judging every request
 * (routes, authentication, validation, `Prefer`), behind a front that answers like the vendor. An invalid
 * order gets a 422 `{"code":422,"error":"…"}` with the vendor's message for its actual first problem (the same
 * message and parameter `validateOrderRequest` reports), Prism's `sl-violations` header kept; a body over
 * `maxBodyBytes` gets 413 at once; and orders the rule table accepts are answered by an engine of their own,
 * so pathological bodies never hold them up.
 *
 * @returns once Prism listens.
 * @throws PrismStartError with Prism's output when the spec cannot be served or the port is taken
 *   (`portInUse`); nothing is left running.
 * @example
 * ```ts
 * import { formatMockRequest, startMock } from "@tf-orders/mock";
 *
 * const mock = await startMock({ onRequest: (request) => console.log(formatMockRequest(request)) });
 * try {
 *   const client = createTollFreeClient({ baseUrl: mock.url, token: "any-token" });
 *   console.log(await client.purchaseTollFreeNumbers({ quantity: 1, packageID: 1234567, serviceArea: 4 }));
 * } finally {
 *   await mock.stop();
 * }
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const engineOptions = { startTimeoutMs: options.startTimeoutMs ?? defaultStartTimeoutMs, onLog: options.onLog };
  const spec = await readableSpec(options.spec ?? bundledSpecPath());
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new Error(`maxBodyBytes must be a positive whole number of bytes, got ${String(maxBodyBytes)}`);
  }

  let current: Promise<SpecEngines> | undefined;
  // The port is taken or free long before Prism has loaded: listen first, and fail fast.
  const front = await startFront({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    maxBodyBytes,
    engines: () => current ?? Promise.reject(new Error("the mock has no engines")),
    onRequest: options.onRequest,
    onLog: options.onLog,
  });

  let stopping: Promise<void> | undefined;
  let closedNow: () => void = () => {};
  const closed = new Promise<void>((settle) => {
    closedNow = settle;
  });
  const stop = () => {
    stopping ??= (async () => {
      await front.close();
      await current?.then((engines) => engines.stop()).catch(() => undefined);
      closedNow();
    })();
    return stopping;
  };
  /** Serving engines that end on their own take the mock down, and say so. */
  const watch = (engines: SpecEngines) => {
    void engines.closed.then(async () => {
      if (stopping !== undefined || current === undefined || (await current) !== engines) return;
      options.onLog?.("A Prism engine of the mock exited unexpectedly: the mock stops.");
      await stop();
    });
  };

  current = startSpecEngines(spec, engineOptions);
  let serving: SpecEngines;
  try {
    serving = await current;
    watch(serving);
  } catch (error) {
    current = undefined;
    await front.close();
    throw error;
  }

  let swapping: Promise<void> = Promise.resolve();
  const swapSpec = (next: string) => {
    const swap = swapping.then(async () => {
      if (stopping !== undefined) throw new Error("the mock is stopped");
      const fresh = await startSpecEngines(await readableSpec(next), engineOptions);
      if (stopping !== undefined) {
        await fresh.stop();
        throw new Error("the mock was stopped during the swap");
      }
      const old = await current;
      current = Promise.resolve(fresh);
      serving = fresh;
      watch(fresh);
      await old?.retire(drainMs);
    });
    // A failed swap must not block the next one.
    swapping = swap.catch(() => undefined);
    return swap;
  };

  return {
    url: front.url,
    get pid() {
      return serving.promptPid;
    },
    closed,
    swapSpec,
    stop,
  };
}

/** The spec's absolute path, once it is known to be readable: a wrong path is named before Prism starts. */
async function readableSpec(spec: string): Promise<string> {
  const path = resolve(spec);
  try {
    await access(path);
  } catch (error) {
    throw new Error(`Cannot read the spec ${spec}: ${(error as Error).message}`, { cause: error });
  }
  return path;
}

/** One request the mock answered, as `onRequest` receives it. Holds no header and no body: never a secret. */
export interface MockRequest {
  method: string;
  /** The path, without the query string. */
  path: string;
  status: number;
  /** The `error` of an error answer in the vendor's shape, such as a 422's message. */
  message?: string;
  /** Set when Prism and the rule table disagreed about the order; Prism's answer was sent. */
  fidelityWarning?: string;
  /** From the request's arrival to the end of the answer, in milliseconds. */
  durationMs: number;
}

const maxPathLength = 200;

/**
 * The request log's line for one request: method, path, status, the error message if any, the duration, and
 * a fidelity warning on a line of its own. Control characters (a key with a newline in an unknown-key message)
 * are escaped, so one request is always one line, and a fidelity warning exactly one more.
 *
 * @example
 * formatMockRequest({ method: "POST", path: "/_rest/v3/my/tf/orders", status: 422, durationMs: 3.2,
 *   message: "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5" });
 * // POST /_rest/v3/my/tf/orders 422 The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5 (3 ms)
 */
export function formatMockRequest(request: MockRequest): string {
  const path = request.path.length > maxPathLength ? `${request.path.slice(0, maxPathLength)}…` : request.path;
  const parts = [request.method, path, String(request.status)];
  if (request.message !== undefined) parts.push(request.message);
  parts.push(`(${Math.round(request.durationMs)} ms)`);
  const line = escapeControls(parts.join(" "));
  return request.fidelityWarning === undefined
    ? line
    : `${line}\n  ⚠ fidelity: ${escapeControls(request.fidelityWarning)}`;
}

function escapeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
