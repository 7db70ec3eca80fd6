/** Appended to every purchase error whose request may have reached the server. */
export const outcomeUnknownAdvice =
  "The purchase's outcome is unknown: check your orders before re-submitting, and reuse the same referenceID.";

export const withAdvice = (message: string, outcomeUnknown: boolean): string =>
  outcomeUnknown ? `${message} ${outcomeUnknownAdvice}` : message;
