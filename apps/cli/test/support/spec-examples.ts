import { exampleNamed, loadBundledSpec, operationExamples } from "@tf-orders/spec/reader";

const spec = loadBundledSpec();
const purchase = operationExamples(spec, "purchaseTollFreeNumbers");
const login = operationExamples(spec, "authenticate");

/** A named request example of the purchase operation, from the bundled spec. */
export function orderRequestExample(name: string): Record<string, unknown> {
  return exampleNamed(purchase.request, name) as Record<string, unknown>;
}

/** A named response example of the purchase operation, from the bundled spec. */
export function orderResponseExample(status: string, name: string): { readonly [key: string]: unknown } {
  return exampleNamed(purchase.responses[status], name) as Record<string, unknown>;
}

/** A named response example of the login operation, from the bundled spec. */
export function loginResponseExample(status: string, name: string): { readonly [key: string]: unknown } {
  return exampleNamed(login.responses[status], name) as Record<string, unknown>;
}
