import { loadBundledSpec, locateOperation, type NamedExample, operationExamples } from "@tf-orders/spec/reader";

const spec = loadBundledSpec();
const examples = operationExamples(spec, "purchaseTollFreeNumbers");
const asPairs = (named: NamedExample[] = []): [string, unknown][] => named.map(({ name, value }) => [name, value]);

/** The purchase operation, located by its operationId. */
export const purchase = locateOperation(spec, "purchaseTollFreeNumbers");

/** Every named request example of the purchase operation, as `[name, order]`. */
export function requestExamples(): [string, unknown][] {
  return asPairs(examples.request);
}

/** The named examples of one response status, as `[name, body]`. */
export function responseExamples(status: number): [string, unknown][] {
  return asPairs(examples.responses[String(status)]);
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
