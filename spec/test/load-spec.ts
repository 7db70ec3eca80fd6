import { readFileSync } from "node:fs";

/** The bundled single-file contract, as `npm run build` writes it. */
export interface BundledSpec {
  paths: Record<string, Record<string, OperationObject>>;
  components: Record<string, Record<string, unknown>>;
}

interface MediaTypeObject {
  schema: object;
  examples?: Record<string, unknown>;
}

interface OperationObject {
  operationId: string;
  requestBody?: { content: Record<string, MediaTypeObject> };
  responses: Record<string, { content?: Record<string, MediaTypeObject> }>;
}

/** Reads `spec/dist/openapi.json`; the test task depends on `build`, which writes it. */
export function loadBundledSpec(): BundledSpec {
  const url = new URL("../dist/openapi.json", import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as BundledSpec;
}

/** Finds an operation by its operationId, so tests never hard-code paths. */
export function findOperation(spec: BundledSpec, operationId: string): OperationObject {
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation.operationId === operationId) return operation;
    }
  }
  throw new Error(`operation ${operationId} is not in the spec`);
}

/** Follows a document-local `$ref` (as the bundle writes them) to the object it names. */
export function resolve<T>(spec: BundledSpec, node: unknown): T {
  const ref = (node as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== "string") return node as T;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], spec);
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return resolve<T>(spec, target);
}

/** Every named example of a media type, resolved to its value. */
export function exampleValues(spec: BundledSpec, examples: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.entries(examples ?? {}).map(([name, example]) => [name, resolve<{ value: unknown }>(spec, example).value]);
}
