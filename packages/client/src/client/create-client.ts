import createClient, { type Client } from "openapi-fetch";
import { ValidationError } from "../errors/validation-error.js";
import { AuthenticationError } from "../errors/authentication-error.js";
import type { paths } from "../generated/openapi.js";
import { defaultBaseUrl, operations } from "../generated/rules.js";
import type { Order, OrderRequest } from "../order-request.js";
import { validateOrderRequest } from "../validate-order-request.js";
import { check } from "../validation/check.js";
import type { Issue } from "../validation/rule.js";
import { mapResponse, type Payload, type ResponseContext } from "./map-response.js";
import type { CallOptions, TollFreeClientOptions } from "./options.js";
import { TokenCache } from "./token-cache.js";
import { send } from "./transport.js";

/** The client {@link createTollFreeClient} returns. */
export interface TollFreeClient {
  /**
   * Buys toll-free numbers. Validates the order first (an invalid one throws `ValidationError` and sends
   * nothing), and never retries, except once after `401 Session Expired` when the client can log in again.
   */
  purchaseTollFreeNumbers(order: OrderRequest, options?: CallOptions): Promise<Order>;
  /** The token for the next calls: cached, and parallel callers share one login. */
  authenticate(): Promise<string>;
  /** The underlying openapi-fetch client, typed with `paths`; it sends the token on every call but the login. */
  readonly raw: Client<paths>;
}

const purchase = operations.purchaseTollFreeNumbers;
const login = operations.authenticate;

/**
 * Creates a client for the toll-free ordering API. Give exactly one of `token`, `getToken` or `credentials`.
 *
 * @example
 * ```ts
 * const client = createTollFreeClient({ credentials: { username, password } });
 * const order = await client.purchaseTollFreeNumbers({
 *   numbers: [{ countryCode: "1", number: "8882223456" }],
 *   packageID: 1234567,
 *   serviceArea: 4,
 *   referenceID: "PO-2026-0042",
 * });
 * console.log(order.orderID);
 * ```
 */
export function createTollFreeClient(options: TollFreeClientOptions): TollFreeClient {
  const { token, getToken, credentials } = options;
  if ([token, getToken, credentials].filter((given) => given !== undefined).length !== 1) {
    throw new TypeError("createTollFreeClient needs exactly one of `token`, `getToken` or `credentials`.");
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secrets: string[] = [];
  const remember = (secret: string) => {
    if (secret && !secrets.includes(secret)) secrets.push(secret);
  };
  if (token !== undefined) remember(token);
  if (credentials !== undefined) remember(credentials.password);

  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.userAgent !== undefined) headers["User-Agent"] = options.userAgent;
  const raw = createClient<paths>({ baseUrl: options.baseUrl ?? defaultBaseUrl, headers, ...(options.fetch && { fetch: options.fetch }) });

  // One POST, typed loosely because it serves both operations; the public methods restore the types.
  const post = raw.POST as unknown as (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

  async function call(
    path: string,
    body: object,
    authorization: string | undefined,
    callOptions: CallOptions,
    spendsMoney: boolean,
    what: string,
    responses: ResponseContext["responses"],
  ): Promise<unknown> {
    return send(
      async (signal) => {
        const result = await post(path, {
          body,
          signal,
          parseAs: "stream",
          ...(authorization !== undefined && { headers: { Authorization: authorization } }),
        });
        const { response } = result;
        const payload: Payload =
          result.error === undefined
            ? { text: result.data === undefined ? "" : await response.text() }
            : typeof result.error === "string"
              ? { text: result.error }
              : { json: result.error };
        return mapResponse(response, payload, { responses, spendsMoney, secrets });
      },
      callOptions.timeoutMs ?? timeoutMs,
      callOptions.signal,
      what,
    );
  }

  async function logIn(): Promise<string> {
    const issues: Issue[] = [];
    check(login.request, credentials, "", "", issues);
    if (issues.length > 0) throw new ValidationError(issues);
    const body = (await call(login.path, credentials!, undefined, {}, false, "The login", login.responses)) as { token: string };
    remember(body.token);
    return body.token;
  }

  const tokens = new TokenCache(async () => {
    if (token !== undefined) return token;
    if (getToken === undefined) return logIn();
    const obtained = await getToken();
    if (typeof obtained !== "string" || obtained === "") throw new TypeError("getToken() must resolve to a non-empty string.");
    remember(obtained);
    return obtained;
  });

  raw.use({
    async onRequest({ request, schemaPath }) {
      if (schemaPath !== login.path && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", await tokens.get());
      }
      return request;
    },
  });

  return {
    raw,
    authenticate: () => tokens.get(),
    async purchaseTollFreeNumbers(order, callOptions = {}) {
      const verdict = validateOrderRequest(order);
      if (!verdict.ok) throw new ValidationError(verdict.errors);
      let used = tokens.get();
      for (let attempt = 0; ; attempt++) {
        try {
          return (await call(purchase.path, order, await used, callOptions, true, "The purchase", purchase.responses)) as Order;
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          // The API did not process a 401'd order, so one resend after a fresh login is safe.
          if (error.reason === "session-expired" && token === undefined && attempt === 0) {
            used = tokens.renew(used);
            continue;
          }
          tokens.forget(used);
          throw error;
        }
      }
    },
  };
}
