import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Example {
  value: unknown;
}
interface Media {
  schema: unknown;
  examples?: Record<string, Example | { $ref: string }>;
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> } | { $ref: string }>;
}

/** The bundled spec the client is generated from. */
export const specPath = require.resolve("@tf-orders/spec/openapi.json");
export const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
};

function resolve<T>(node: T | { $ref: string }): T {
  let found: unknown = spec;
  if (typeof node === "object" && node !== null && "$ref" in node) {
    for (const part of node.$ref.slice(2).split("/")) found = (found as Record<string, unknown>)[part];
    return found as T;
  }
  return node as T;
}

/** An operation by operationId, with its path. */
export function operation(operationId: string): Operation & { path: string } {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const op of Object.values(item)) if (op.operationId === operationId) return { ...op, path };
  }
  throw new Error(`no operation ${operationId}`);
}

/** Every named response example of an operation: [status, example name, value]. */
export function responseExamples(operationId: string): [number, string, unknown][] {
  return Object.entries(operation(operationId).responses).flatMap(([status, response]) =>
    Object.entries(resolve(response).content?.["application/json"]?.examples ?? {}).map(
      ([name, example]) => [Number(status), name, resolve(example).value] as [number, string, unknown],
    ),
  );
}

/** Every named request example of an operation: [name, value]. */
export function requestExamples(operationId: string): [string, unknown][] {
  return Object.entries(operation(operationId).requestBody?.content["application/json"]?.examples ?? {}).map(([name, example]) => [
    name,
    resolve(example).value,
  ]);
}

/** The statuses an operation's responses list. */
export function listedStatuses(operationId: string): number[] {
  return Object.keys(operation(operationId).responses).map(Number);
}
