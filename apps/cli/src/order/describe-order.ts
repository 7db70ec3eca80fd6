import type { OrderRequest } from "@tf-orders/client";

/**
 * Says in a few words what an order buys, for the confirmation prompt and the dry-run note.
 *
 * @example
 * describeOrder({ quantity: 2, packageID: 1234567, serviceArea: 4 });
 * // '2 numbers (any available) for package 1234567 in service area 4'
 */
export function describeOrder(order: OrderRequest): string {
  const fields = order as Readonly<Record<string, unknown>>;
  return `${describeWhat(fields)} for package ${String(fields.packageID)} in service area ${String(fields.serviceArea)}`;
}

function describeWhat(fields: Readonly<Record<string, unknown>>): string {
  if (typeof fields.quantity === "number") {
    return `${plural(fields.quantity, "number")} (any available)`;
  }
  const numbers = fields.numbers;
  if (Array.isArray(numbers)) {
    const shown = numbers.map(
      (item: { countryCode?: unknown; number?: unknown }) => `+${String(item.countryCode)}${String(item.number)}`,
    );
    return `${plural(numbers.length, "number")} (${shown.join(", ")})`;
  }
  const reserved = fields.reservations ?? fields.reservationID;
  const ids = Array.isArray(reserved) ? reserved : [reserved];
  return `the numbers of ${plural(ids.length, "reservation")} (${ids.map(String).join(", ")})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
