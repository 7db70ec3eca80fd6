import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * A `406`: the request's `Accept` header does not allow `application/json`. The client sends
 * `Accept: application/json` unless `headers` overrides it.
 *
 * @example
 * ```ts
 * if (error instanceof NotAcceptableError) console.error("Check the Accept header you configured.");
 * ```
 */
export class NotAcceptableError extends TollFreeApiError {
  override name = "NotAcceptableError";
}
