/**
 * Makes an instance of one of the client's error classes with the given public fields, without calling
 * its constructor: the classes and their fields are the client's contract, their constructor arguments
 * are not, so tests should not depend on them.
 *
 * @example
 * clientError(PaymentRequiredError, { status: 402, message: 'Order too large; trial limit exceeded. Available: 3 seats.' });
 */
export function clientError<T extends Error>(
  errorClass: abstract new (...args: never[]) => T,
  fields: { readonly message: string } & Readonly<Record<string, unknown>>,
): T {
  const error = Object.create(errorClass.prototype as object) as T;
  Object.defineProperty(error, "message", {
    value: fields.message,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  for (const [key, value] of Object.entries(fields)) {
    if (key !== "message")
      Object.defineProperty(error, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return error;
}
