import { purchaseTollFreeNumbersRequest } from "./generated/rules.js";
import type { OrderRequest } from "./order-request.js";
import { issuesOf } from "./validation/check.js";
import type { Issue } from "./validation/rule.js";

export type { Issue } from "./validation/rule.js";

/**
 * The verdict of {@link validateOrderRequest}: the order itself when valid, else every issue.
 *
 * @example
 * ```ts
 * const verdict: OrderValidation = validateOrderRequest(JSON.parse(input));
 * if (verdict.ok) await client.purchaseTollFreeNumbers(verdict.value);
 * ```
 */
export type OrderValidation = { ok: true; value: OrderRequest } | { ok: false; errors: Issue[] };

/**
 * Checks a purchase order against every rule of the spec's request schema (generated from the spec, so the
 * verdict matches the mock's) without sending anything. Lists every problem, in the API's own wording.
 *
 * @example
 * ```ts
 * const result = validateOrderRequest({ quantity: 1, packageID: 1234567, serviceArea: 9 });
 * if (!result.ok) console.error(result.errors[0]?.message);
 * // The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5
 * ```
 */
export function validateOrderRequest(value: unknown): OrderValidation {
  const errors = issuesOf(purchaseTollFreeNumbersRequest, value);
  return errors.length === 0 ? { ok: true, value: value as OrderRequest } : { ok: false, errors };
}
