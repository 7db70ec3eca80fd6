import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The bundled contract (`@tf-orders/spec/openapi.json`), as `npm run build -w @tf-orders/spec` writes it. */
export interface SpecDocument {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

/** A request body's or response's media type: its schema and named examples. */
export interface MediaType {
  schema: unknown;
  examples?: Record<string, unknown>;
}

/** The parts of an OpenAPI operation the tests read. */
export interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, unknown>;
}

/** An operation found by its operationId, with the path and method that serve it. */
export interface LocatedOperation {
  path: string;
  method: string;
  operation: Operation;
}

const require = createRequire(import.meta.url);
let cached: SpecDocument | undefined;

/** Reads the bundled JSON once; tests derive paths, examples and schemas from it instead of retyping them. */
export function specDocument(): SpecDocument {
  cached ??= JSON.parse(readFileSync(require.resolve("@tf-orders/spec/openapi.json"), "utf8")) as SpecDocument;
  return cached;
}

/** Finds an operation by operationId, so no test hard-codes a path. */
export function locateOperation(operationId: string, spec = specDocument()): LocatedOperation {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === operationId) return { path, method, operation };
    }
  }
  throw new Error(`operation ${operationId} is not in the spec`);
}

/** Follows document-local `$ref`s (as the bundle writes them) to the object they name. */
export function resolveRef<T>(node: unknown, spec = specDocument()): T {
  const ref = (node as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== "string") return node as T;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], spec);
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return resolveRef<T>(target, spec);
}

/** The JSON media type of a request body or response, `$ref`s followed. */
export function jsonMediaType(owner: unknown): MediaType {
  const media = resolveRef<{ content?: Record<string, MediaType> }>(owner).content?.["application/json"];
  if (media === undefined) throw new Error("no application/json content");
  return media;
}

/** Each named example of a media type as `[name, value]`, in spec order. */
export function namedExamples(media: MediaType): [string, unknown][] {
  return Object.entries(media.examples ?? {}).map(([name, example]) => [
    name,
    resolveRef<{ value: unknown }>(example).value,
  ]);
}
