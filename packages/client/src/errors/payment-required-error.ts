import { TollFreeApiError, type ErrorDetails } from "./tollfree-api-error.js";

/**
 * A `402`: a trial account's limit blocks the order; nothing was bought. `kind` says which limit, `seats`
 * is the number the API's message names (the limit, or the seats still available).
 *
 * @example
 * ```ts
 * if (error instanceof PaymentRequiredError && error.kind === "trial-limit-exceeded") {
 *   console.log(`Only ${error.seats} seats left on the trial.`);
 * }
 * ```
 */
export class PaymentRequiredError extends TollFreeApiError {
  override name = "PaymentRequiredError";
  readonly kind: "trial-limit-realized" | "trial-limit-exceeded" | undefined;
  readonly seats: number | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, "payment-required", { status: 402, ...details });
    this.kind = /exceeded/i.test(message) ? "trial-limit-exceeded" : /realized/i.test(message) ? "trial-limit-realized" : undefined;
    const seats = /(\d+)\s+seats?/i.exec(message)?.[1];
    this.seats = seats === undefined ? undefined : Number(seats);
  }
}
