import { ConnectionError } from "./connection-error.js";

/**
 * The request took longer than `timeoutMs` and was abandoned. The server may still have processed it, so
 * `outcomeUnknown` is true and a purchase is not retried.
 *
 * @example
 * ```ts
 * if (error instanceof TimeoutError) console.error(error.message); // ...check your orders before re-submitting...
 * ```
 */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}
