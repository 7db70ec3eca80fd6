import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The bundled spec's path; `npm run build -w @tf-orders/spec` writes it. */
export const specPath = require.resolve("@tf-orders/spec/openapi.json");

/** Reads the bundled single-file spec (every `$ref` is document-local). */
export function loadSpec() {
  return JSON.parse(readFileSync(specPath, "utf8"));
}

/** Follows a document-local `$ref` such as `#/components/schemas/Order`. */
export function resolveRef(spec, ref) {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}: the bundle must be self-contained`);
  let node = spec;
  for (const part of ref.slice(2).split("/")) {
    node = node?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return node;
}

/** Finds every operation by operationId, with its path and method. */
export function operationsOf(spec) {
  const found = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation?.operationId) found[operation.operationId] = { path, method, operation };
    }
  }
  return found;
}
