import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * A response the spec does not describe: an unlisted status, a body that is not JSON (such as a proxy's
 * HTML 502 page, or truncated JSON), or JSON that breaks the response schema. `body` holds the parsed body
 * or a short excerpt. For a purchase answered with 2xx, 3xx or 5xx, `outcomeUnknown` is true.
 *
 * @example
 * ```ts
 * if (error instanceof UnexpectedResponseError) console.error(error.status, error.body);
 * ```
 */
export class UnexpectedResponseError extends TollFreeApiError {
  override name = "UnexpectedResponseError";
  declare readonly outcomeUnknown: boolean;
}
