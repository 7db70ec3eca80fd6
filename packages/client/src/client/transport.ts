import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";

// Failures before a connection exists: the server cannot have seen the request. undici reports them as the
// `cause` of `TypeError: fetch failed` (an AggregateError of them when it tried several addresses); browsers
// give no detail, which counts as "may have been sent".
const notSent = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_INVALID_URL)$/;

type Coded = { cause?: { code?: unknown; errors?: { code?: unknown }[] } };

/**
 * Runs one HTTP attempt under a timeout and the caller's signal, and turns transport failures into
 * {@link TimeoutError} / {@link ConnectionError}. For a purchase, `outcomeUnknown` is true unless the failure
 * proves the request never left; a login buys nothing, so its outcome is never unknown. Never retries.
 */
export async function send<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  spendsMoney: boolean,
): Promise<T> {
  const controller = new AbortController();
  const own = controller.signal;
  const abandon = () => controller.abort();
  const abortedEarly = signal?.aborted;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abandon();
  }, timeoutMs);
  signal?.addEventListener("abort", abandon);
  try {
    if (abortedEarly) throw signal!.reason;
    // The attempt is raced against our own abort because Node's fetch can lose a Request's abort signal after
    // a garbage collection (nodejs/undici#4068), and a timeout must fire even then. The race handles both
    // rejections, whichever comes second.
    return await Promise.race([attempt(own), new Promise<never>((_, reject) => own.addEventListener("abort", () => reject(own.reason)))]);
  } catch (cause) {
    const inner = (cause as Coded).cause;
    const code = inner?.code ?? inner?.errors?.[0]?.code;
    throw new (timedOut ? TimeoutError : ConnectionError)(
      `The ${spendsMoney ? "purchase" : "login"} ${timedOut ? `timed out after ${timeoutMs} ms` : signal?.aborted ? "was aborted by the caller" : `failed: the connection failed or dropped (${code ?? "no detail"})`}.`,
      timedOut ? "timeout" : "connection",
      { cause, outcomeUnknown: spendsMoney && (timedOut || (!abortedEarly && !notSent.test(String(code)))) },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abandon);
  }
}
