import createClient, { type Client } from "openapi-fetch";
import { AuthenticationError } from "../errors/authentication-error.js";
import { invalid } from "../errors/validation-error.js";
import type { paths } from "../generated/openapi.js";
import { defaultBaseUrl, authenticate as login, purchaseTollFreeNumbers as purchase } from "../generated/rules.js";
import type { Order, OrderRequest } from "../order-request.js";
import { validateOrderRequest } from "../validate-order-request.js";
import { abortedBeforeSending, beforeSending } from "./before-sending.js";
import { checkOptions, usableToken } from "./checked-options.js";
import { timeoutProblem } from "./checked-timeout.js";
import { mapResponse } from "./map-response.js";
import type { CallOptions, TollFreeClientOptions } from "./options.js";
import { serialiseOrder } from "./serialise-order.js";
import { tokenCache } from "./token-cache.js";
import { send } from "./transport.js";

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
   * Buys toll-free numbers and resolves to the accepted order. Validates the order first (an invalid one
   * throws `ValidationError` and sends nothing). Never retries, except once after `401 Session Expired`
   * when the client can log in again (the API did not process that order).
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
   * The underlying openapi-fetch client, typed with `paths`, for `{ data, error, response }` use. It sends
   * the token on every call but the login; it neither validates nor maps errors.
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
  const secrets: string[] = [];
  // Masking a secret of a few characters would mangle ordinary text ("t" in "Order too large"), so only
  // secrets long enough to be told apart from prose are tracked; each once, however often it is renewed.
  const remember = (secret: string): string => {
    if (secret.length > 3 && !secrets.includes(secret)) secrets.push(secret);
    return secret;
  };
  remember(token || credentials?.password || "");

  const postHeaders = { "Content-Type": "application/json", ...headers };
  const defaultTimeoutMs = options.timeoutMs ?? 30_000;

  // The client's own calls skip openapi-fetch: no middleware, no Request object with the global fetch, and
  // the body read as text so that an unreadable answer can still be quoted in the error. `body` is JSON
  // already: what was validated is exactly what is sent, on the first try and on the one resend.
  const call = async (
    operation: typeof login | typeof purchase,
    body: string,
    Authorization: string | undefined,
    { signal, timeoutMs }: CallOptions,
  ): Promise<unknown> => {
    const spendsMoney = operation === purchase;
    const init = { method: "POST", headers: Authorization ? { ...postHeaders, Authorization } : postHeaders, body };
    const timeout = timeoutMs ?? defaultTimeoutMs;
    const [response, text] = await send({
      url: baseUrl + operation.path,
      init,
      fetch: options.fetch,
      timeoutMs: timeout,
      signal,
      spendsMoney,
      secrets,
    });
    return mapResponse(response, text, { responses: operation.responses, spendsMoney, secrets });
  };

  const tokens = tokenCache(async () => {
    const obtained =
      token ||
      (getToken
        ? await getToken()
        : ((await call(login, JSON.stringify(credentials), undefined, {})) as { token: string }).token);
    return remember(usableToken(obtained));
  });

  return {
    // Plain openapi-fetch; its fetch adds the token to every call but the login. The global fetch is looked
    // up per call, so one swapped in later (tests, polyfills) is the one used.
    raw: createClient<paths>({
      baseUrl,
      headers,
      fetch: async (request) => {
        if (!request.url.endsWith(login.path) && !request.headers.has("Authorization"))
          request.headers.set("Authorization", await tokens.get());
        return (options.fetch ?? fetch)(request);
      },
    }),
    authenticate: tokens.get,
    async purchaseTollFreeNumbers(order, callOptions = {}) {
      const { signal, timeoutMs } = callOptions;
      const problem = timeoutProblem(timeoutMs);
      if (problem) throw invalid([{ parameter: "timeoutMs", message: problem }]);
      // Serialised once, then validated as the API will read it: a later change to `order` (or a getter,
      // or a toJSON) cannot make what is sent differ from what was checked.
      const body = serialiseOrder(order);
      // Nothing to send (undefined, a function, a toJSON that returns nothing) is judged as the missing body it is.
      const verdict = validateOrderRequest(body === undefined ? undefined : JSON.parse(body));
      if (!verdict.ok) throw invalid(verdict.errors);
      // Before the token: an aborted call must not even log in (and send the password).
      if (signal?.aborted) throw abortedBeforeSending(signal);
      const wait = timeoutMs ?? defaultTimeoutMs;
      let used = tokens.get();
      for (let retried = false; ; retried = true) {
        try {
          return (await call(
            purchase,
            body!,
            tokens.known(used) ?? (await beforeSending(used, signal, wait)),
            callOptions,
          )) as Order;
        } catch (error) {
          if (error instanceof AuthenticationError) {
            // The API did not process a 401'd order, so one resend after a fresh login is safe.
            tokens.forget(used);
            if (error.reason === "session-expired" && !token && !retried) {
              used = tokens.get();
              continue;
            }
          }
          throw error;
        }
      }
    },
  };
}
