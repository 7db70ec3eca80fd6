import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { TollFreeClientOptions } from "./options.js";

// Failures before a connection exists: the server cannot have seen the request. undici reports them as the
// `cause` of `TypeError: fetch failed` (an AggregateError of them when it tried several addresses); browsers
// give no detail, which counts as "may have been sent".
const notSent = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_INVALID_URL)$/;

type Coded = { cause?: { code?: unknown; errors?: { code?: unknown }[] } };

/**
 * Sends one request under a timeout and the caller's signal and reads the answer's body as text, or turns
 * the failure into {@link TimeoutError} / {@link ConnectionError}. With the global fetch no `Request` object
 * is built (in Node, building one costs more than the rest of the client together); a custom fetch gets
 * one. For a purchase, `outcomeUnknown` is true unless the failure proves the request never left; a login
 * buys nothing, so its outcome is never unknown. Never retries.
 */
export async function send(
  url: string,
  init: RequestInit,
  customFetch: TollFreeClientOptions["fetch"],
  timeoutMs: number,
  signal: AbortSignal | undefined,
  spendsMoney: boolean,
): Promise<[Response, string]> {
  const controller = new AbortController();
  const own = (init.signal = controller.signal);
  // Rejected by `abandon` itself rather than by an abort listener: a listener on an AbortSignal costs Node
  // about 6 µs, a sixth of the client's whole overhead per request.
  let giveUp!: (reason: unknown) => void;
  const abandoned = new Promise<never>((_, reject) => (giveUp = reject));
  const abandon = () => {
    controller.abort();
    giveUp(own.reason);
  };
  const abortedEarly = signal?.aborted;
  const timer = setTimeout(abandon, timeoutMs);
  signal?.addEventListener("abort", abandon);
  try {
    if (abortedEarly) throw signal!.reason;
    // Raced against our own abort because Node's fetch can lose a Request's abort signal after a garbage
    // collection (nodejs/undici#4068), and a timeout must fire even then. The race handles both rejections.
    return await Promise.race([
      (customFetch ? customFetch(new Request(url, init)) : fetch(url, init)).then(async (response): Promise<[Response, string]> => [response, await response.text()]),
      abandoned,
    ]);
  } catch (cause) {
    // Our signal aborted while the caller's did not: the timer did it.
    const timedOut = own.aborted && !signal?.aborted;
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
