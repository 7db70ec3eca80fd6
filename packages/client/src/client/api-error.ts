import { AuthenticationError } from "../errors/authentication-error.js";
import { NotAcceptableError } from "../errors/not-acceptable-error.js";
import { PaymentRequiredError } from "../errors/payment-required-error.js";
import { type ErrorDetails, TollFreeApiError } from "../errors/tollfree-api-error.js";
import { UnprocessableEntityError } from "../errors/unprocessable-entity-error.js";

/**
 * The error for an error status the spec lists, with the fields its class derives from the API's message:
 * the 401 reason, the 402 limit and seats, the parameter a 422 names. `details` already holds the status.
 */
export function apiError(status: number, message: string, details: ErrorDetails): TollFreeApiError {
  const reason = /session expired/i.test(message) ? "session-expired" : "unauthorized";
  const seats = /(\d+)\s+seats?/i.exec(message)?.[1];
  const limit = /exceeded|realized/i.exec(message)?.[0].toLowerCase();
  return status === 401
    ? new AuthenticationError(message, reason, { ...details, reason })
    : status === 402
      ? new PaymentRequiredError(message, "payment-required", {
          ...details,
          kind: limit && `trial-limit-${limit}`,
          seats: seats && +seats,
        })
      : status === 406
        ? new NotAcceptableError(message, "not-acceptable", details)
        : status === 422
          ? new UnprocessableEntityError(message, "unprocessable-entity", {
              ...details,
              parameter: /The '([^']+)' parameter/.exec(message)?.[1],
            })
          : new TollFreeApiError(message, "api-error", details);
}
