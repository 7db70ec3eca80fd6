import { jsonMediaType, loadBundledSpec, locateOperation, namedExamples } from "@tf-orders/spec/reader";

const spec = loadBundledSpec();

/** The value of one named example of a media type; a missing name fails loudly rather than comparing to `undefined`. */
function exampleValue(owner: unknown, name: string, where: string): Record<string, unknown> {
  const found = namedExamples(spec, jsonMediaType(spec, owner)).find((example) => example.name === name);
  if (found === undefined) throw new Error(`the bundled spec has no example ${name} at ${where}`);
  return found.value as Record<string, unknown>;
}

function responseExample(operationId: string, status: string, name: string): Record<string, unknown> {
  const response = locateOperation(spec, operationId).operation.responses[status];
  if (response === undefined) throw new Error(`the bundled spec has no ${status} response for ${operationId}`);
  return exampleValue(response, name, `${operationId} ${status}`);
}

/** A named request example of the purchase operation, from the bundled spec. */
export function orderRequestExample(name: string): Record<string, unknown> {
  const { requestBody } = locateOperation(spec, "purchaseTollFreeNumbers").operation;
  return exampleValue(requestBody, name, "purchaseTollFreeNumbers request");
}

/** A named response example of the purchase operation, from the bundled spec. */
export function orderResponseExample(status: string, name: string): { readonly [key: string]: unknown } {
  return responseExample("purchaseTollFreeNumbers", status, name);
}

/** A named response example of the login operation, from the bundled spec. */
export function loginResponseExample(status: string, name: string): { readonly [key: string]: unknown } {
  return responseExample("authenticate", status, name);
}
