import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * No complete response arrived: the connection failed, dropped, or the caller aborted. `outcomeUnknown` is
 * true whenever a purchase may have reached the server (never for a login, which buys nothing); the
 * purchase is then not retried, and the message says to check your orders before re-submitting with the
 * same `referenceID`.
 *
 * @example
 * ```ts
 * if (error instanceof ConnectionError && error.outcomeUnknown) await reconcileOrders(order.referenceID);
 * ```
 */
export class ConnectionError extends TollFreeApiError {
  override name = "ConnectionError";
  declare readonly outcomeUnknown: boolean;
}
