import {
  jsonMediaType,
  loadBundledSpec,
  locateOperation,
  type NamedExample,
  namedExamples,
} from "@tf-orders/spec/reader";

const spec = loadBundledSpec();
const asPairs = (examples: NamedExample[]): [string, unknown][] => examples.map(({ name, value }) => [name, value]);

/** The purchase operation, located by its operationId. */
export const purchase = locateOperation(spec, "purchaseTollFreeNumbers");

/** Every named request example of the purchase operation, as `[name, order]`. */
export function requestExamples(): [string, unknown][] {
  return asPairs(namedExamples(spec, jsonMediaType(spec, purchase.operation.requestBody)));
}

/** The named examples of one response status, as `[name, body]`. */
export function responseExamples(status: number): [string, unknown][] {
  const response = purchase.operation.responses[String(status)];
  return response === undefined ? [] : asPairs(namedExamples(spec, jsonMediaType(spec, response)));
}

/** One named error example of the purchase operation. */
export interface ErrorExample {
  status: number;
  name: string;
  body: unknown;
}

/** Every named example of every 4xx/5xx response of the purchase operation, in spec order. */
export function errorExamples(): ErrorExample[] {
  return Object.keys(purchase.operation.responses)
    .map(Number)
    .filter((status) => status >= 400)
    .flatMap((status) => responseExamples(status).map(([name, body]) => ({ status, name, body })));
}
