import { TollFreeApiError } from "./tollfree-api-error.js";

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
  declare readonly kind: "trial-limit-realized" | "trial-limit-exceeded" | undefined;
  declare readonly seats: number | undefined;
}
