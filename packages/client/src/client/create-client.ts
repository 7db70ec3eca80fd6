import createClient, { type Client } from "openapi-fetch";
import { AuthenticationError } from "../errors/authentication-error.js";
import { invalid } from "../errors/validation-error.js";
import type { paths } from "../generated/openapi.js";
import { authenticate as login, purchaseTollFreeNumbers as purchase } from "../generated/rules.js";
import type { Order, OrderRequest } from "../order-request.js";
import { orderBody } from "../validate-order-request.js";
import { oversizedAnswer } from "./map-response.js";
import { type CallOptions, type TollFreeClientOptions, wholeNumberProblem } from "./options.js";
import { abortedBeforeSending, beforeSending, openSession, type Session, send } from "./transport.js";

/**
 * The client {@link createTollFreeClient} returns.
 *
 * @example
 * ```ts
 * const client: TollFreeClient = createTollFreeClient({ token });
 * ```
 */
export interface TollFreeClient {
  /**
   * Buys toll-free numbers and resolves to the accepted order. Validates the order first (an invalid one throws
   * `ValidationError` and sends nothing). Never retries, except once after a `401` when the client can get a new token
   * (`credentials` or `getToken`): the API did not process that order.
   *
   * @example
   * ```ts
   * const { orderID, batches } = await client.purchaseTollFreeNumbers(
   *   { quantity: 2, packageID: 1234567, serviceArea: 4, referenceID: "PO-2026-0042" },
   *   { timeoutMs: 60_000 },
   * );
   * ```
   */
  purchaseTollFreeNumbers(order: OrderRequest, options?: CallOptions): Promise<Order>;
  /**
   * The token the next calls send: cached, and parallel callers share one login.
   *
   * @example
   * ```ts
   * const token = await client.authenticate(); // never log it
   * ```
   */
  authenticate(): Promise<string>;
  /**
   * The underlying openapi-fetch client, typed with `paths`, for `{ data, error, response }` use. It sends the token
   * on every call but the login, never follows a redirect (a 3xx is the answer), and keeps the client's timeout and
   * answer size limit; it neither validates nor maps errors.
   *
   * @example
   * ```ts
   * const { data, error } = await client.raw.POST("/_rest/v3/my/tf/orders", { body: order });
   * ```
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client for the toll-free ordering API. Give exactly one of `token`, `getToken` or `credentials`.
 *
 * @example
 * ```ts
 * const client = createTollFreeClient({ credentials: { username, password } });
 * const order = await client.purchaseTollFreeNumbers({
 *   numbers: [parseTollFreeNumber("+1 888 222 3456")],
 *   packageID: 1234567,
 *   serviceArea: 4,
 *   referenceID: "PO-2026-0042",
 * });
 * console.log(order.orderID);
 * ```
 */
export function createTollFreeClient(options: TollFreeClientOptions): TollFreeClient {
  const session = openSession(options);
  const { tokens, call } = session;
  return {
    raw: rawClient(session, options),
    authenticate: tokens.current,
    async purchaseTollFreeNumbers(order, callOptions = {}) {
      const { signal, timeoutMs } = callOptions;
      const problem = wholeNumberProblem("timeoutMs", "milliseconds", timeoutMs);
      if (problem) throw invalid([{ parameter: "timeoutMs", message: problem }]);
      const body = orderBody(order);
      // Before the token: an aborted call must not even log in (and send the password).
      if (signal?.aborted) throw abortedBeforeSending(signal);
      const wait = timeoutMs ?? session.timeoutMs;
      let used = tokens.current();
      for (let resent = false; ; resent = true) {
        // A failure to get the token is thrown as it is: nothing was sent, and nothing is renewed for it.
        const token = tokens.known(used) ?? (await beforeSending(used, signal, wait));
        try {
          return (await call(purchase, body, token, callOptions)) as Order;
        } catch (error) {
          // The API did not process a 401'd order, so one resend with a new token is safe.
          if (!(error instanceof AuthenticationError) || !session.renewable || resent) throw error;
          used = tokens.renew(used);
        }
      }
    },
  };
}

/**
 * openapi-fetch with the session's rules: the token on every call but the login, no redirect followed, the timeout,
 * the answer size limit and masked failures. The global fetch is looked up per call, so one swapped in later (tests,
 * polyfills) is the one used.
 */
function rawClient(session: Session, options: TollFreeClientOptions): Client<paths> {
  return createClient<paths>({
    baseUrl: session.baseUrl,
    headers: session.headers,
    fetch: async (request) => {
      const path = new URL(request.url).pathname;
      const headers = new Headers(request.headers);
      if (path !== login.path && !headers.has("Authorization")) {
        headers.set("Authorization", await beforeSending(session.tokens.current(), request.signal, session.timeoutMs));
      }
      const body = request.body ? await request.text() : undefined;
      const spendsMoney = path === purchase.path && request.method === "POST";
      const { response, text } = await send({
        url: request.url,
        init: { method: request.method, headers, body },
        fetch: options.fetch,
        timeoutMs: session.timeoutMs,
        signal: request.signal,
        spendsMoney,
        secrets: session.secrets,
        maxResponseBytes: session.maxResponseBytes,
      });
      if (text === undefined) throw oversizedAnswer(response.status, session.maxResponseBytes, spendsMoney);
      // A browser's answer to a redirect it did not follow is opaque (status 0): passed on as it is.
      if (response.status === 0) return response;
      const empty = [101, 204, 205, 304].includes(response.status);
      return new Response(empty ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  });
}
