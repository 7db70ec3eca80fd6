import type { Issue } from "../validation/rule.js";
import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * The client refused to send a request that breaks the spec: nothing was sent, so nothing was bought.
 * `errors` lists every problem, worded like the API's own 422 messages. `status` is 422 for symmetry with
 * the server's answer.
 *
 * @example
 * ```ts
 * if (error instanceof ValidationError) for (const issue of error.errors) console.error(issue.parameter, issue.message);
 * ```
 */
export class ValidationError extends TollFreeApiError {
  override name = "ValidationError";
  readonly errors: readonly Issue[];

  constructor(errors: readonly Issue[]) {
    super(`Nothing was sent: ${errors.map((issue) => issue.message).join(" ")}`, "validation", { status: 422 });
    this.errors = errors;
  }
}
