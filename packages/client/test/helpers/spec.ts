import { createRequire } from "node:module";
import {
  jsonMediaType,
  type LocatedOperation,
  loadBundledSpec,
  locateOperation,
  namedExamples,
} from "@tf-orders/spec/reader";

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
  return Object.entries(operation(operationId).operation.responses).flatMap(([status, response]) =>
    namedExamples(spec, jsonMediaType(spec, response)).map(
      ({ name, value }) => [Number(status), name, value] as [number, string, unknown],
    ),
  );
}

/** Every named request example of an operation: [name, value]. */
export function requestExamples(operationId: string): [string, unknown][] {
  return namedExamples(spec, jsonMediaType(spec, operation(operationId).operation.requestBody)).map(
    ({ name, value }) => [name, value],
  );
}

/** The statuses an operation's responses list. */
export function listedStatuses(operationId: string): number[] {
  return Object.keys(operation(operationId).operation.responses).map(Number);
}
