import type { Issue } from "../validation/rule.js";
import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * The client refused to send a request that breaks the spec: nothing was sent, so nothing was bought.
 * `errors` lists the problems (at most 50; `omittedErrors` counts the rest), worded like the API's own 422 messages;
 * `status` is 422 like the server's answer would be.
 *
 * @example
 * ```ts
 * if (error instanceof ValidationError) for (const issue of error.errors) console.error(issue.parameter, issue.message);
 * ```
 */
export class ValidationError extends TollFreeApiError {
  override name = "ValidationError";
  declare readonly errors: readonly Issue[];
  /** How many problems there were beyond those `errors` lists. */
  declare readonly omittedErrors: number;
}

/** How many problems the message of a {@link ValidationError} quotes. */
const quoted = 5;

/** The error for an invalid request with `total` problems, of which `issues` are listed. */
export const invalid = (issues: readonly Issue[], total = issues.length): ValidationError => {
  const more = total - Math.min(issues.length, quoted);
  const tail = more > 0 ? ` …and ${more} more problem${more === 1 ? "" : "s"}.` : "";
  return new ValidationError(
    `Nothing was sent: ${issues
      .slice(0, quoted)
      .map((issue) => issue.message)
      .join(" ")}${tail}`,
    "validation",
    { status: 422, errors: issues, omittedErrors: total - issues.length },
  );
};
