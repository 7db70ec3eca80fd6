/**
 * How the client gets the token every call but the login sends. Give exactly one.
 *
 * @example
 * ```ts
 * const auth: AuthOptions = { getToken: async () => vault.read("tf-token") };
 * ```
 */
export type AuthOptions =
  | {
      /** A token you already have. It cannot be renewed: a `401` is thrown as is. */ token: string;
      getToken?: never;
      credentials?: never;
    }
  | {
      /** Called when a token is needed, and once more when the API answers a purchase with `401`. */
      getToken: () => Promise<string>;
      token?: never;
      credentials?: never;
    }
  | {
      /** A portal user with API access; the client logs in through `authenticate` and caches the token. */
      credentials: { username: string; password: string };
      token?: never;
      getToken?: never;
    };

/**
 * Options of `createTollFreeClient`.
 *
 * @example
 * ```ts
 * const options: TollFreeClientOptions = {
 *   credentials: { username: "api-user@example.com", password: process.env.TF_PASSWORD! },
 *   baseUrl: "http://127.0.0.1:4010", // the local mock
 *   timeoutMs: 10_000,
 *   userAgent: "my-app/1.0",
 * };
 * ```
 */
export type TollFreeClientOptions = AuthOptions & {
  /** The API's origin. Default: the production URL, the spec's first server (orders there are billed). */
  baseUrl?: string;
  /** A fetch implementation (tests, proxies, other runtimes). Default: `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /**
   * Per-request timeout in milliseconds, a whole number from 1 to 2147483647. Default: 30 000. A purchase makes at most
   * four requests (a login, the purchase, and after a `401` one new login and one resend), each under this timeout, so
   * it takes at most four times as long.
   */
  timeoutMs?: number;
  /**
   * The most bytes of any answer's body the client reads (after decompression). A larger answer is not read further:
   * its connection is closed and the call throws `UnexpectedResponseError` (for a purchase answered 2xx, 3xx or 5xx,
   * with `outcomeUnknown: true`). Every answer the API documents is under 1 kB. Default: 65 536.
   */
  maxResponseBytes?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** A `User-Agent` to send (runtimes that allow it). */
  userAgent?: string;
};

/**
 * Per-call options of a purchase.
 *
 * @example
 * ```ts
 * await client.purchaseTollFreeNumbers(order, { signal: AbortSignal.timeout(5_000), timeoutMs: 5_000 });
 * ```
 */
export interface CallOptions {
  /** Aborts the call. After the request was sent the outcome is unknown, as for a timeout. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

/** The largest delay `setTimeout` honours; a longer one fires at once. */
const maxTimerMs = 2_147_483_647;
/** What a request header's name and value may hold: a token, and visible ASCII, spaces, tabs or Latin-1 bytes. */
const headerName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Why `value` cannot be used as `what`, a whole number of `unit`s, or undefined when it can (or is not given). For
 * `timeoutMs`, `setTimeout` fires at once for `Infinity`, `NaN`, negatives and anything above 2³¹−1 ms, which would
 * time a purchase out while it is still on its way.
 */
export function wholeNumberProblem(what: string, unit: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= maxTimerMs
    ? undefined
    : `${what} must be a whole number of ${unit} from 1 to ${maxTimerMs}, got ${String(value).slice(0, 40)}.`;
}

/**
 * Refuses, at creation, the options the client could only fail on later (and then with fetch's errors, which quote
 * header values and URLs): an unusable `timeoutMs` or `maxResponseBytes`, a bad static token, a base URL that is not
 * http(s) or holds a user name, password, query or fragment, a header HTTP cannot carry. Returns the base URL without
 * its trailing slashes. No message quotes a secret.
 */
export function checkOptions(
  options: TollFreeClientOptions,
  headers: Record<string, string>,
  defaultBaseUrl: string,
): string {
  const range =
    wholeNumberProblem("timeoutMs", "milliseconds", options.timeoutMs) ??
    wholeNumberProblem("maxResponseBytes", "bytes", options.maxResponseBytes);
  if (range) throw new RangeError(`createTollFreeClient: ${range}`);
  // Truthy, as in the exactly-one check: an empty `token` beside `credentials` counts as not given.
  if (options.token && !usableToken(options.token))
    throw new TypeError(`createTollFreeClient: ${unusableToken("token")}`);
  for (const [name, value] of Object.entries(headers)) {
    // Not quoted: a header may carry a secret. fetch trims spaces at either end, then refuses the rest.
    if (!headerName.test(name) || typeof value !== "string" || !headerValue.test(value)) {
      throw new TypeError(
        `createTollFreeClient: the header ${JSON.stringify(name.slice(0, 100))} has a name or value that HTTP cannot carry (a control character or a character above U+00FF?).`,
      );
    }
  }
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const problem = baseUrlProblem(baseUrl);
  if (problem) throw new TypeError(`createTollFreeClient: baseUrl ${problem}.`);
  return baseUrl.replace(/\/+$/, "");
}

/**
 * Whether a header can carry the token as it is: printable ASCII with no space at either end. fetch would trim the
 * spaces (so an echo of the token would no longer match the masked one) and reject the rest with an error that quotes
 * the whole token.
 */
export function usableToken(value: unknown): value is string {
  return typeof value === "string" && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(value);
}

/** Why a token from `source` cannot be sent, without quoting it. */
export function unusableToken(source: string): string {
  return `the ${source} is not a token a header can carry (it must be a non-empty string of printable ASCII with no space at either end); nothing was sent.`;
}

/**
 * Why `text` cannot be a base URL, or undefined when it can: it must be an absolute http(s) URL, with no user name or
 * password (use a token or credentials) and no query or fragment (the spec's paths are appended to it). The message
 * never quotes the URL, which may hold a password.
 *
 * @example
 * ```ts
 * baseUrlProblem("ftp://example.com"); // "must be http or https, got ftp:"
 * ```
 */
export function baseUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must be http or https, got ${url.protocol}`;
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.search || url.hash) return "must not have a query or fragment";
  return undefined;
}
