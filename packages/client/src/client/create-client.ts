import { AuthenticationError, ValidationError } from "../errors.js";
import { purchaseTollFreeNumbers as purchase } from "../generated/rules.js";
import { type Order, type OrderRequest, orderBody } from "../order.js";
import { type CallOptions, type TollFreeClientOptions, wholeNumberProblem } from "./options.js";
import { abortedBeforeSending, beforeSending, openSession } from "./transport.js";

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
    authenticate: tokens.current,
    async purchaseTollFreeNumbers(order, callOptions = {}) {
      const { signal, timeoutMs } = callOptions;
      const problem = wholeNumberProblem("timeoutMs", "milliseconds", timeoutMs);
      if (problem) throw new ValidationError([{ parameter: "timeoutMs", message: problem }]);
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
