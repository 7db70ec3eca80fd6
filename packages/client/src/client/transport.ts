import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { TollFreeClientOptions } from "./options.js";
import { safeCause } from "./safe-cause.js";

// Failures before the request could reach the server: no connection (refused, no route, no such host, a
// connect timeout), a TLS handshake that failed (the request is only written once it succeeds), or a port
// fetch refuses to use. undici reports them as the `cause` of `TypeError: fetch failed` (an AggregateError
// of them when it tried several addresses); browsers give no detail, which counts as "may have been sent".
const notSent =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_INVALID_URL|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_SSL_WRONG_VERSION_NUMBER)$/;

type Coded = { cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] } };

/** One request for {@link send}. */
export interface Exchange {
  url: string;
  init: RequestInit;
  fetch: TollFreeClientOptions["fetch"];
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** A purchase: a failure after it may have reached the server leaves its outcome unknown. */
  spendsMoney: boolean;
  /** Masked in the error's cause. */
  secrets: readonly string[];
}

/**
 * Sends one request under a timeout and the caller's signal and reads the answer's body as text, or turns
 * the failure into {@link TimeoutError} / {@link ConnectionError}. Redirects are not followed: following
 * one would re-send or lose a purchase, so a 3xx is the answer. With the global fetch no `Request` object
 * is built (in Node, building one costs more than the rest of the client together); a custom fetch gets
 * one. For a purchase, `outcomeUnknown` is true unless the failure proves the request never left; a login
 * buys nothing, so its outcome is never unknown. Never retries.
 */
export async function send(exchange: Exchange): Promise<[Response, string]> {
  const { url, init, signal, timeoutMs, spendsMoney } = exchange;
  const controller = new AbortController();
  const own = controller.signal;
  init.signal = own;
  init.redirect = "manual";
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
      (exchange.fetch ? exchange.fetch(new Request(url, init)) : fetch(url, init)).then(
        async (response): Promise<[Response, string]> => [response, await response.text()],
      ),
      abandoned,
    ]);
  } catch (cause) {
    // Our signal aborted while the caller's did not: the timer did it.
    const timedOut = own.aborted && !signal?.aborted;
    const inner = (cause as Coded).cause;
    const code = inner?.code ?? inner?.errors?.[0]?.code ?? (inner?.message === "bad port" ? "bad port" : undefined);
    const refused = code === "bad port" || notSent.test(String(code));
    throw new (timedOut ? TimeoutError : ConnectionError)(
      `The ${spendsMoney ? "purchase" : "login"} ${timedOut ? `timed out after ${timeoutMs} ms` : signal?.aborted ? "was aborted by the caller" : `failed: the connection failed or dropped (${code ?? "no detail"})`}.`,
      timedOut ? "timeout" : "connection",
      // The caller's own reason stays as it is; anything else is copied without what could hold a secret.
      {
        cause: signal?.aborted && !timedOut ? signal.reason : safeCause(cause, exchange.secrets),
        outcomeUnknown: spendsMoney && (timedOut || (!abortedEarly && !refused)),
      },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abandon);
  }
}
