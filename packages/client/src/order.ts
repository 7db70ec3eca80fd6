import { ValidationError } from "./errors.js";
import type { components } from "./generated/openapi.js";
import { purchaseTollFreeNumbersRequest } from "./generated/rules.js";
import { issuesOf, judge, serialise } from "./validation/check.js";
import type { Issue } from "./validation/rule.js";

export type { Issue } from "./validation/rule.js";

type Schemas = components["schemas"];

/** The generated order variants, one per order mode. */
type Variants =
  | Schemas["OrderByNumbers"]
  | Schemas["OrderByQuantity"]
  | Schemas["OrderByReservationList"]
  | Schemas["OrderByReservationId"];

type KeysOfAny<T> = T extends unknown ? keyof T : never;

/** Each variant with the other variants' keys forbidden, so two order modes in one literal do not compile. */
type Exclusive<T, All = T> = T extends unknown ? T & { [K in Exclude<KeysOfAny<All>, keyof T>]?: never } : never;

/**
 * An order for toll-free numbers: exactly one order mode (`numbers`, `quantity`, `reservations` or
 * `reservationID`) plus `packageID` and `serviceArea`. Built from the generated variant types; mixing two
 * modes, or sending none, is a compile-time error.
 *
 * @example
 * ```ts
 * const order: OrderRequest = { quantity: 2, packageID: 1234567, serviceArea: 4, referenceID: "PO-42" };
 * ```
 */
export type OrderRequest = Exclusive<Variants>;

/**
 * An accepted order: its ID and the batches its numbers are provisioned in.
 *
 * @example
 * ```ts
 * const order: Order = await client.purchaseTollFreeNumbers({ quantity: 1, packageID: 1234567, serviceArea: 4 });
 * console.log(order.orderID, order.batches.map((batch) => batch.batchID));
 * ```
 */
export type Order = Schemas["Order"];

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
  if ("issue" in json) throw new ValidationError([json.issue]);
  const found = issuesOf(purchaseTollFreeNumbersRequest, json.text === undefined ? null : JSON.parse(json.text));
  if (found.total) throw new ValidationError(found.issues, found.total);
  return json.text!;
}
