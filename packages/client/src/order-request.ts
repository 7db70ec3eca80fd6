import type { components } from "./generated/openapi.js";

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
