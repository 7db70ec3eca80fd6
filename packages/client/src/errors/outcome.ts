/** Appended to the message of every error whose purchase may have reached the server (`outcomeUnknown`). */
export const outcomeUnknownAdvice =
  "The purchase's outcome is unknown: check your orders before re-submitting, and reuse the same referenceID.";
