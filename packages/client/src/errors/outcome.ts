/** Appended to every purchase error whose request may have reached the server. */
export const outcomeUnknownAdvice =
  "The purchase's outcome is unknown: check your orders before re-submitting, and reuse the same referenceID.";

/** `message`, with the advice when the outcome is unknown; and the `outcomeUnknown` field to go with it. */
export const outcome = (message: string, outcomeUnknown: boolean): [string, { outcomeUnknown: boolean }] => [
  outcomeUnknown ? `${message} ${outcomeUnknownAdvice}` : message,
  { outcomeUnknown },
];
