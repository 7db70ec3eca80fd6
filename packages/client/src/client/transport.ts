import { AuthenticationError, ConnectionError, TimeoutError } from "../errors.js";
import {
  authenticateRequest,
  defaultBaseUrl,
  authenticate as login,
  purchaseTollFreeNumbers as purchase,
} from "../generated/rules.js";
import { judge } from "../validation/check.js";
import { mapResponse } from "./map-response.js";
import { type CallOptions, checkOptions, type TollFreeClientOptions, unusableToken, usableToken } from "./options.js";
import { maskSecrets, minSecretLength, safeCause } from "./redaction.js";

// Failures before the request could reach the server: no connection (refused, no route, no such host, a
// connect timeout), a TLS handshake that failed (the request is only written once it succeeds), or a port
// fetch refuses to use (or a header it refuses to write). undici reports them as the `cause` of `TypeError: fetch
// failed` (an AggregateError of them when it tried several addresses); browsers give no detail, which counts as "may
// have been sent".
const notSent =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_INVALID_URL|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_SSL_WRONG_VERSION_NUMBER|UND_ERR_INVALID_ARG)$/;

type Coded = { cause?: { code?: unknown; name?: unknown; message?: unknown; errors?: { code?: unknown }[] } };

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
  /** Read at most this many bytes of the answer's body. */
  maxResponseBytes: number;
}

/** An answer: `text` is undefined when the body was larger than `maxResponseBytes` and was not read. */
export interface Answer {
  response: Response;
  text: string | undefined;
}

/**
 * Reads a body as UTF-8 text, but no more than `limit` bytes of it (after any decompression): undefined when it is
 * larger (a declared Content-Length is believed at once), after cancelling the stream so that the connection closes.
 * One endless answer would otherwise hold the whole process's memory until the timeout. With `lengthEnforced` (the
 * runtime's own fetch, whose HTTP parser delivers no more than a declared length), a declared, uncompressed body is
 * read whole; a fetch passed in might not enforce it, so its bodies are always counted.
 */
export async function readCapped(
  response: Response,
  limit: number,
  lengthEnforced: boolean,
): Promise<string | undefined> {
  const body = response.body;
  if (!body) return "";
  const declared = response.headers.get("content-length");
  if (Number(declared) > limit) {
    await body.cancel().catch(() => undefined);
    return undefined;
  }
  // A declared length the body cannot exceed, not decompressed into more: read it whole, the fast way.
  const encoding = response.headers.get("content-encoding");
  if (lengthEnforced && declared !== null && /^\d+$/.test(declared) && (!encoding || encoding === "identity")) {
    return response.text();
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Sends one request under a timeout and the caller's signal and reads the answer's body (at most
 * `maxResponseBytes` of it), or turns the failure into {@link TimeoutError} / {@link ConnectionError}. Redirects are
 * not followed: following one would re-send or lose a purchase, so a 3xx is the answer. With the global fetch no
 * `Request` object is built (in Node, building one costs more than the rest of the client together); a custom fetch
 * gets one. For a purchase, `outcomeUnknown` is true unless the failure proves the request never left; a login buys
 * nothing, so its outcome is never unknown. Never retries.
 */
export async function send(exchange: Exchange): Promise<Answer> {
  const { url, init, signal, timeoutMs, spendsMoney } = exchange;
  const controller = new AbortController();
  const own = controller.signal;
  init.signal = own;
  init.redirect = "manual";
  // Rejected by `abandon` itself rather than by an abort listener: a listener on an AbortSignal costs Node
  // about 6 µs, a sixth of the client's whole overhead per request.
  let giveUp!: (reason: unknown) => void;
  const abandoned = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
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
    const answer = await Promise.race([
      (exchange.fetch ? exchange.fetch(new Request(url, init)) : fetch(url, init)).then(
        async (response): Promise<Answer> => ({
          response,
          text: await readCapped(response, exchange.maxResponseBytes, !exchange.fetch),
        }),
      ),
      abandoned,
    ]);
    // An answer cut short is not waited for any longer: closing the connection stops the sender.
    if (answer.text === undefined) controller.abort();
    return answer;
  } catch (cause) {
    // Our signal aborted while the caller's did not: the timer did it.
    const timedOut = own.aborted && !signal?.aborted;
    const inner = (cause as Coded).cause;
    // undici 7 (Node 24+) gives its parser errors a name but no code: the name still says what happened.
    const named = typeof inner?.name === "string" && !/^(Type)?Error$/.test(inner.name) ? inner.name : undefined;
    const code =
      inner?.code ?? inner?.errors?.[0]?.code ?? (inner?.message === "bad port" ? "bad port" : undefined) ?? named;
    const refused = code === "bad port" || notSent.test(String(code));
    const what = spendsMoney ? "purchase" : "login";
    const how = timedOut
      ? `timed out after ${timeoutMs} ms`
      : signal?.aborted
        ? "was aborted by the caller"
        : `failed: the connection failed or dropped (${code === undefined ? "no detail" : maskSecrets(String(code).slice(0, 100), exchange.secrets)})`;
    throw new (timedOut ? TimeoutError : ConnectionError)(`The ${what} ${how}.`, {
      // The caller's own reason stays as it is; anything else is copied without what could hold a secret.
      cause: signal?.aborted && !timedOut ? signal.reason : safeCause(cause, exchange.secrets),
      outcomeUnknown: spendsMoney && (timedOut || (!abortedEarly && !refused)),
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abandon);
  }
}

/**
 * Waits for what a call needs before it can send anything (its token: a `getToken()` or a login), but no longer than
 * the call's `timeoutMs` and only until its signal aborts. Nothing has been sent yet, so neither failure leaves an
 * outcome unknown. The wait itself is shared: giving up here does not cancel a login other calls are waiting for.
 */
export function beforeSending<T>(pending: Promise<T>, signal: AbortSignal | undefined, timeoutMs: number): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortedBeforeSending(signal));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const givenUp = new Promise<never>((_, reject) => {
    const message = `Getting a token took longer than ${timeoutMs} ms; nothing was sent.`;
    timer = setTimeout(() => reject(new TimeoutError(message)), timeoutMs);
    if (signal) {
      onAbort = () => reject(abortedBeforeSending(signal));
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
  return Promise.race([pending, givenUp]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  });
}

/** The error for a call its caller aborted before anything was sent: the outcome is known. */
export function abortedBeforeSending(signal: AbortSignal): ConnectionError {
  return new ConnectionError("The call was aborted by the caller before anything was sent.", { cause: signal.reason });
}

/** The token every call but the login sends: one attempt at a time, shared by every caller that needs it. */
export interface TokenSource {
  /** The current attempt: cached, or a new one when there is none or the last one failed. */
  current(): Promise<string>;
  /**
   * A new token for callers whose token from `used` the API refused (401). The first such caller starts one new
   * attempt; every caller that reports the same `used` shares it, whether it succeeds, fails or hangs, so twenty
   * purchases refused at once log in once (and a failed login is not repeated twenty times: an account lock-out).
   */
  renew(used: Promise<string>): Promise<string>;
  /** The token `attempt` resolved to, if it has: such a call need not wait (nor arm a timer) for it. */
  known(attempt: Promise<string>): string | undefined;
}

function tokenSource(obtain: () => Promise<string>): TokenSource {
  let attempt: Promise<string> | undefined;
  let failed: Promise<string> | undefined;
  let settled: { from: Promise<string>; token: string } | undefined;
  const start = () => {
    const started = obtain();
    attempt = started;
    started.then(
      (token) => {
        settled = { from: started, token };
      },
      () => {
        failed = started;
      },
    );
    return started;
  };
  return {
    current: () => (!attempt || attempt === failed ? start() : attempt),
    renew: (used) => (attempt === used ? start() : attempt!),
    known: (from) => (settled?.from === from ? settled.token : undefined),
  };
}

/**
 * What the client and the raw client share for one set of options: the checked base URL, the secrets to mask (the
 * static token or password, and every token obtained since), the token source, and `call`, which sends one of the
 * spec's two operations and maps its answer.
 */
export function openSession(options: TollFreeClientOptions) {
  const { token, getToken, credentials, userAgent } = options;
  if ([token, getToken, credentials].filter(Boolean).length !== 1) {
    throw new TypeError("createTollFreeClient needs exactly one of `token`, `getToken` or `credentials`.");
  }
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...(userAgent && { "User-Agent": userAgent }),
    ...options.headers,
  };
  const baseUrl = checkOptions(options, headers, defaultBaseUrl);
  // Judged, and later sent, as their JSON: a getter cannot make the login differ from what was checked.
  let loginBody = "";
  let password = "";
  if (credentials) {
    const { found, data } = judge(authenticateRequest, credentials);
    const problems = found.issues.map((issue) => issue.message).join(" ");
    if (found.total) throw new TypeError(`createTollFreeClient: credentials: ${problems}`);
    loginBody = JSON.stringify(data);
    password = (data as { password: string }).password;
  }
  const secrets: string[] = [];
  // Each once, however often it is renewed.
  const remember = (secret: string): string => {
    if (secret.length >= minSecretLength && !secrets.includes(secret)) secrets.push(secret);
    return secret;
  };
  remember(token || password);
  const postHeaders = { "Content-Type": "application/json", ...headers };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? 65_536;

  // The client's own calls skip openapi-fetch: no middleware, no Request object with the global fetch, and the body
  // read as text so that an unreadable answer can still be quoted in the error. `body` is JSON already.
  const call = async (
    operation: typeof login | typeof purchase,
    body: string,
    Authorization: string | undefined,
    { signal, timeoutMs: callTimeoutMs }: CallOptions,
  ): Promise<unknown> => {
    const spendsMoney = operation === purchase;
    const init = { method: "POST", headers: Authorization ? { ...postHeaders, Authorization } : postHeaders, body };
    const answer = await send({
      url: baseUrl + operation.path,
      init,
      fetch: options.fetch,
      timeoutMs: callTimeoutMs ?? timeoutMs,
      signal,
      spendsMoney,
      secrets,
      maxResponseBytes,
    });
    return mapResponse(answer, { responses: operation.responses, spendsMoney, secrets, maxResponseBytes });
  };

  const obtain = async (): Promise<string> => {
    if (token) return token;
    let obtained: unknown;
    if (getToken) {
      try {
        obtained = await getToken();
      } catch (error) {
        throw new AuthenticationError("getToken() failed; nothing was sent.", "no-token", {
          cause: safeCause(error, secrets),
        });
      }
    } else {
      obtained = ((await call(login, loginBody, undefined, {})) as { token: unknown }).token;
    }
    if (!usableToken(obtained)) {
      const source = getToken ? "value getToken() resolved to" : "login's token";
      const problem = unusableToken(source);
      throw new AuthenticationError(problem[0]!.toUpperCase() + problem.slice(1), "no-token");
    }
    return remember(obtained);
  };

  return {
    baseUrl,
    headers,
    secrets,
    timeoutMs,
    maxResponseBytes,
    call,
    tokens: tokenSource(obtain),
    renewable: !token,
  };
}

/** What {@link openSession} returns. */
export type Session = ReturnType<typeof openSession>;
