import { jsonMediaType, loadBundledSpec, locateOperation, namedExamples } from "@tf-orders/spec/reader";

const purchase = locateOperation(loadBundledSpec(), "purchaseTollFreeNumbers");

/** The URL of the purchase operation on a server. */
export function orderUrl(baseUrl: string): string {
  return new URL(purchase.path, baseUrl).href;
}

/** A valid order: the spec's first request example of the purchase. */
export function validOrder(): unknown {
  const [first] = namedExamples(loadBundledSpec(), jsonMediaType(loadBundledSpec(), purchase.operation.requestBody));
  if (first === undefined) throw new Error("the purchase operation has no request example");
  return first.value;
}
