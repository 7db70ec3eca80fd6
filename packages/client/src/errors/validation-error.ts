import type { Issue } from "../validation/rule.js";
import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * The client refused to send a request that breaks the spec: nothing was sent, so nothing was bought.
 * `errors` lists every problem, worded like the API's own 422 messages; `status` is 422 like the server's
 * answer would be.
 *
 * @example
 * ```ts
 * if (error instanceof ValidationError) for (const issue of error.errors) console.error(issue.parameter, issue.message);
 * ```
 */
export class ValidationError extends TollFreeApiError {
  override name = "ValidationError";
  declare readonly errors: readonly Issue[];
}

/** The error for an invalid request. */
export const invalid = (errors: readonly Issue[]): ValidationError =>
  new ValidationError(`Nothing was sent: ${errors.map((issue) => issue.message).join(" ")}`, "validation", {
    status: 422,
    errors,
  });
