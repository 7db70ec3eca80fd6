import { AuthenticationError } from "../errors/authentication-error.js";
import { NotAcceptableError } from "../errors/not-acceptable-error.js";
import { PaymentRequiredError } from "../errors/payment-required-error.js";
import { TollFreeApiError, type ErrorDetails } from "../errors/tollfree-api-error.js";
import { UnprocessableEntityError } from "../errors/unprocessable-entity-error.js";

const seats = (message: string) => {
  const count = /(\d+)\s+seats?/i.exec(message)?.[1];
  return count === undefined ? undefined : Number(count);
};

/**
 * The error for an error status the spec lists, with the fields its class derives from the API's message:
 * the 401 reason, the 402 limit and seats, the parameter a 422 names.
 */
export function apiError(status: number, message: string, details: ErrorDetails): TollFreeApiError {
  details = { status, ...details };
  if (status === 401) {
    const reason = /session expired/i.test(message) ? "session-expired" : "unauthorized";
    return new AuthenticationError(message, reason, { ...details, reason });
  }
  if (status === 402) {
    const kind = /exceeded/i.test(message) ? "trial-limit-exceeded" : /realized/i.test(message) ? "trial-limit-realized" : undefined;
    return new PaymentRequiredError(message, "payment-required", { ...details, kind, seats: seats(message) });
  }
  if (status === 406) return new NotAcceptableError(message, "not-acceptable", details);
  if (status === 422) {
    return new UnprocessableEntityError(message, "unprocessable-entity", { ...details, parameter: /The '([^']+)' parameter/.exec(message)?.[1] });
  }
  return new TollFreeApiError(message, "api-error", details);
}
