/**
 * Appended (after a space) to the message of every error whose purchase may have reached the server
 * (`outcomeUnknown`). Exported so that an app which gives its own advice can drop the client's.
 *
 * @example
 * ```ts
 * const detail = error.outcomeUnknown ? error.message.replace(` ${outcomeUnknownAdvice}`, "") : error.message;
 * ```
 */
export const outcomeUnknownAdvice =
  "The purchase's outcome is unknown: check your orders before re-submitting, and reuse the same referenceID.";
