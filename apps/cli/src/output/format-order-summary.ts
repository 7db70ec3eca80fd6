import type { Order } from "@tf-orders/client";

/**
 * The human summary of an accepted order: its ID and its batch IDs, the two things an operator
 * needs to follow it up.
 *
 * @example
 * formatOrderSummary({ orderID: 287225, batches: [{ batchID: 31458 }] });
 * // 'Order accepted.\n  order ID:  287225\n  batch IDs: 31458\n'
 */
export function formatOrderSummary(order: Order): string {
  const batchIds = order.batches.map((batch) => String(batch.batchID));
  return [
    "Order accepted.",
    `  order ID:  ${order.orderID}`,
    `  batch IDs: ${batchIds.length === 0 ? "(none)" : batchIds.join(", ")}`,
    "",
  ].join("\n");
}
