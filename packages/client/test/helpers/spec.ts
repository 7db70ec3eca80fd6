import { createRequire } from "node:module";
import { type LocatedOperation, loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";

const require = createRequire(import.meta.url);

/** The bundled spec's file, for tools (Prism) that read it by path. */
export const specPath = require.resolve("@tf-orders/spec/openapi.json");
/** The bundled spec the client is generated from. */
export const spec = loadBundledSpec();

/** An operation by operationId, with its path and method. */
export function operation(operationId: string): LocatedOperation {
  return locateOperation(spec, operationId);
}

/** Every named response example of an operation: [status, example name, value]. */
export function responseExamples(operationId: string): [number, string, unknown][] {
  return Object.entries(operationExamples(spec, operationId).responses).flatMap(([status, examples]) =>
    examples.map(({ name, value }) => [Number(status), name, value] as [number, string, unknown]),
  );
}

/** Every named request example of an operation: [name, value]. */
export function requestExamples(operationId: string): [string, unknown][] {
  return operationExamples(spec, operationId).request.map(({ name, value }) => [name, value]);
}

/** The statuses an operation's responses list. */
export function listedStatuses(operationId: string): number[] {
  return Object.keys(operation(operationId).operation.responses).map(Number);
}
