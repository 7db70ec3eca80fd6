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
      /** Called when a token is needed, and once more when the API answers `401 Session Expired`. */
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
  /** Per-request timeout in milliseconds. Default: 30 000. */
  timeoutMs?: number;
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
