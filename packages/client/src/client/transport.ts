import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";

// Failures before a byte of the request leaves: the server cannot have seen it. undici reports them as the
// `cause` of `TypeError: fetch failed` (an AggregateError of them when it tried several addresses); browsers
// give no detail, which counts as "may have been sent".
const notSent = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_INVALID_URL)$/;

interface Coded {
  code?: unknown;
  cause?: Coded;
  errors?: Coded[];
}

/**
 * Runs one HTTP attempt under a timeout and the caller's signal, and turns transport failures into
 * {@link TimeoutError} / {@link ConnectionError}, with `outcomeUnknown` unless the failure proves the request
 * never left. Never retries.
 */
export async function send<T>(attempt: (signal: AbortSignal) => Promise<T>, timeoutMs: number, signal: AbortSignal | undefined, what: string): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  const abortedEarly = signal?.aborted;
  signal?.addEventListener("abort", onAbort);
  try {
    if (abortedEarly) throw signal!.reason;
    return await attempt(controller.signal);
  } catch (error) {
    if (timedOut) throw new TimeoutError(`${what} timed out after ${timeoutMs} ms.`, true, { cause: error });
    const { code, cause } = error as Coded;
    const codes = [code, cause?.code, ...(cause?.errors ?? []).map((item) => item.code)].filter(Boolean);
    throw new ConnectionError(
      `${what} failed: ${signal?.aborted ? "aborted by the caller" : `the connection failed or dropped (${codes[0] ?? "no detail"})`}.`,
      !abortedEarly && !(codes.length && codes.every((item) => notSent.test(String(item)))),
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
