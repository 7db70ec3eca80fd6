import type { Order, OrderRequest } from "@tf-orders/client";
import { loadBundledSpec, operationExamples } from "@tf-orders/spec/reader";

/** A literal, so that openapi-fetch checks it against the generated `paths`. */
export const purchasePath = "/_rest/v3/my/tf/orders";

export type PurchaseExamples = { requests: { name: string; order: OrderRequest }[]; accepted: Order };

/** The purchase's named request examples and first 200 example, from the bundle the client and mock build on. */
export function loadPurchaseExamples(): PurchaseExamples {
  const { request: requests, responses } = operationExamples(loadBundledSpec(), "purchaseTollFreeNumbers");
  const [accepted] = responses["200"] ?? [];
  if (requests.length === 0 || accepted === undefined) throw new Error("the purchase has no request or 200 example");
  return {
    requests: requests.map(({ name, value }) => ({ name, order: value as OrderRequest })),
    accepted: accepted.value as Order,
  };
}

/** The example orders one after another, round and round. */
export function orderCycle({ requests }: PurchaseExamples): () => OrderRequest {
  let next = 0;
  return () => requests[next++ % requests.length]!.order;
}
