import { jsonMediaType, loadBundledSpec, locateOperation, namedExamples } from "@tf-orders/spec/reader";

/**
 * The purchase operation's path, as the bundled spec names it: a literal, because openapi-fetch takes its
 * path type from the generated `paths`, which the compiler checks it against where it is used.
 */
export const purchasePath = "/_rest/v3/my/tf/orders";

/** The purchase operation's named request examples and its success example, read from the bundled spec. */
export interface PurchaseExamples {
  /** Named request examples (orderSpecificNumbers, orderByQuantity, …), in the spec's order. */
  requests: { name: string; value: Record<string, unknown> }[];
  /** The 200 response's first example value (orderAccepted). */
  success: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The purchase's examples from `@tf-orders/spec/reader` (the bundle the client and the mock are built from),
 * shaped for the benchmarks: every request example must be an order object, and there must be a success body.
 */
export function loadPurchaseExamples(): PurchaseExamples {
  const spec = loadBundledSpec();
  const { operation } = locateOperation(spec, "purchaseTollFreeNumbers");
  const requests = namedExamples(spec, jsonMediaType(spec, operation.requestBody)).map(({ name, value }) => {
    if (!isObject(value)) throw new Error(`request example ${name} has no object value`);
    return { name, value };
  });
  const success = namedExamples(spec, jsonMediaType(spec, operation.responses["200"]))[0]?.value;
  if (!isObject(success)) throw new Error("the 200 response has no example value");
  if (requests.length === 0) throw new Error("the purchase operation has no request examples");
  return { requests, success };
}
