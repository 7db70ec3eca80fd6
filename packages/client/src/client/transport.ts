import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";

// Failures that happen before a byte of the request leaves: the server cannot have seen it.
const notSent = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ERR_INVALID_URL"]);

/** What `send` hands to the request: the signal that aborts it. */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs one HTTP attempt under a timeout and the caller's signal, and turns transport failures into
 * {@link TimeoutError} / {@link ConnectionError}, with `outcomeUnknown` unless the failure proves the request
 * never left. Never retries.
 */
export async function send<T>(attempt: Attempt<T>, timeoutMs: number, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (signal?.aborted) throw new ConnectionError(`${what} was aborted before it was sent.`, false, { cause: signal.reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await attempt(controller.signal);
  } catch (error) {
    if (timedOut) throw new TimeoutError(`${what} timed out after ${timeoutMs} ms.`, true, { cause: error });
    if (signal?.aborted) throw new ConnectionError(`${what} was aborted by the caller.`, true, { cause: error });
    throw new ConnectionError(`${what} failed: the connection ${describe(error)}.`, !neverSent(error), { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

interface Coded {
  code?: unknown;
  cause?: Coded;
  errors?: Coded[];
}

// undici reports `TypeError: fetch failed` with the system error as `cause` (an AggregateError when it tried
// several addresses); browsers give no detail, which counts as "may have been sent".
function codesOf(error: unknown): string[] {
  const found = error as Coded | undefined;
  const own = typeof found?.code === "string" ? [found.code] : [];
  const cause = found?.cause;
  if (!cause) return own;
  const nested = Array.isArray(cause.errors) ? cause.errors.map((item) => String(item?.code)) : [];
  return typeof cause.code === "string" ? [...own, cause.code, ...nested] : [...own, ...nested];
}

function neverSent(error: unknown): boolean {
  const codes = codesOf(error);
  return codes.length > 0 && codes.every((code) => notSent.has(code));
}

function describe(error: unknown): string {
  const code = codesOf(error)[0];
  return code ? `failed (${code})` : "failed or dropped";
}
