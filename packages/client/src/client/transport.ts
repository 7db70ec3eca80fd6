import { ConnectionError } from "../errors/connection-error.js";
import { outcome } from "../errors/outcome.js";
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
  const what = spendsMoney ? "The purchase" : "The login";
  const controller = new AbortController();
  const abortedEarly = signal?.aborted;
  let timedOut = false;
  let stop: (reason: unknown) => void = () => {};
  // Settles when the call is abandoned. The attempt is raced against it because Node's fetch can lose a
  // Request's abort signal after a garbage collection (nodejs/undici#4068), and a timeout must fire even then.
  const abandoned = new Promise<never>((_, reject) => (stop = reject));
  const abandon = () => {
    controller.abort();
    stop(controller.signal.reason);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    abandon();
  }, timeoutMs);
  signal?.addEventListener("abort", abandon);
  try {
    if (abortedEarly) throw signal!.reason;
    const attempted = attempt(controller.signal);
    attempted.catch(() => {});
    abandoned.catch(() => {});
    return await Promise.race([attempted, abandoned]);
  } catch (cause) {
    const inner = (cause as Coded).cause;
    const code = inner?.code ?? inner?.errors?.[0]?.code;
    const [message, fields] = outcome(
      `${what} ${timedOut ? `timed out after ${timeoutMs} ms` : signal?.aborted ? "was aborted by the caller" : `failed: the connection failed or dropped (${code ?? "no detail"})`}.`,
      spendsMoney && (timedOut || (!abortedEarly && !notSent.test(String(code)))),
    );
    throw new (timedOut ? TimeoutError : ConnectionError)(message, timedOut ? "timeout" : "connection", { cause, ...fields });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abandon);
  }
}
