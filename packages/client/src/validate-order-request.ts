import { invalid } from "./errors/validation-error.js";
import { purchaseTollFreeNumbersRequest } from "./generated/rules.js";
import type { OrderRequest } from "./order-request.js";
import { issuesOf, judge, serialise } from "./validation/check.js";
import type { Issue } from "./validation/rule.js";

export type { Issue } from "./validation/rule.js";

/**
 * The verdict of {@link validateOrderRequest}: the order when valid, else its problems (the first 50, with
 * `omittedErrors` counting the rest).
 *
 * @example
 * ```ts
 * const verdict: OrderValidation = validateOrderRequest(JSON.parse(input));
 * if (verdict.ok) await client.purchaseTollFreeNumbers(verdict.value);
 * ```
 */
export type OrderValidation = { ok: true; value: OrderRequest } | { ok: false; errors: Issue[]; omittedErrors: number };

/**
 * Checks a purchase order against every rule of the spec's request schema (generated from the spec, so the verdict
 * matches the mock's) without sending anything. Lists the problems in the API's own wording: at most 50, then counts.
 * It judges what a purchase would send: an object that is not plain data (a class instance, getters, a Proxy, a
 * `toJSON`, fields inherited from a prototype) is judged by its JSON text, and `value` is then that JSON's data. An
 * integer must be a safe integer (`9007199254740993` is not the number it looks like). Never throws.
 *
 * @example
 * ```ts
 * const result = validateOrderRequest({ quantity: 1, packageID: 1234567, serviceArea: 9 });
 * if (!result.ok) console.error(result.errors[0]?.message);
 * // The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5
 * ```
 */
export function validateOrderRequest(value: unknown): OrderValidation {
  const { found, data } = judge(purchaseTollFreeNumbersRequest, value);
  return found.total === 0
    ? { ok: true, value: data as OrderRequest }
    : { ok: false, errors: found.issues, omittedErrors: found.total - found.issues.length };
}

/**
 * The JSON text a purchase sends for `order`, once checked: serialised once, and that text is what is validated and
 * sent, so a getter, a Proxy or a later change to `order` cannot make the purchase differ from what was checked.
 *
 * @throws ValidationError (nothing sent) for an order that breaks the spec or that JSON cannot carry.
 */
export function orderBody(order: unknown): string {
  const json = serialise(order);
  if ("issue" in json) throw invalid([json.issue]);
  const found = issuesOf(purchaseTollFreeNumbersRequest, json.text === undefined ? null : JSON.parse(json.text));
  if (found.total) throw invalid(found.issues, found.total);
  return json.text!;
}
