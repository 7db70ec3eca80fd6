import { invalid } from "../errors/validation-error.js";

/** JSON text of the order, or undefined when it has none (undefined, a function); a cycle or a BigInt is a validation error. */
export function serialiseOrder(order: unknown): string | undefined {
  try {
    return JSON.stringify(order);
  } catch (error) {
    throw invalid([
      { parameter: "body", message: `The request body cannot be sent as JSON: ${(error as Error).message}.` },
    ]);
  }
}
