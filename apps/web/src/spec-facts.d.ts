/**
 * Facts the desk takes from the bundled spec at build time (build/spec-facts.ts), so that no rule or example
 * of the contract is typed again in the app and the bundle carries only what the page shows.
 */
declare module "virtual:spec-facts" {
  /** One documented error example of the purchase, which the mock answers when asked with `Prefer`. */
  export interface MockScenario {
    /** The HTTP status, such as 402. */
    readonly status: number;
    /** The example's name in the spec, such as `trialLimitExceeded`. */
    readonly example: string;
    /** The example's summary, such as "Order larger than the trial allows". */
    readonly summary: string;
    /** The example's `error` text, as the mock will answer it. */
    readonly error: string;
  }

  /** The values `serviceArea` may take (the spec's enum). */
  export const serviceAreas: readonly number[];
  /** Every named example of every error response of `purchaseTollFreeNumbers`, in spec order. */
  export const mockScenarios: readonly MockScenario[];
}
