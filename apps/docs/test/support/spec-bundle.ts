import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type BundledSpec, type LocatedOperation, locateOperation, resolveRef } from "@tf-orders/spec/reader";
import { siteDir } from "../../src/site/locations.js";

/**
 * The bundled spec that the built site serves (apps/docs/dist/openapi.json), not the spec package's own
 * copy: the tests take every name, example and message they look for on the page from what the page serves.
 */
export function loadSiteSpec(): BundledSpec {
  const path = join(siteDir, "openapi.json");
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build -w @tf-orders/docs\` first`);
  return JSON.parse(readFileSync(path, "utf8")) as BundledSpec;
}

/** An operation as the reference lists it: under its first tag, titled by its summary. */
export interface ListedOperation extends LocatedOperation {
  tag: string;
  summary: string;
}

/** The operation with this operationId, with the menu group and title the page shows it under. */
export function listedOperation(spec: BundledSpec, operationId: string): ListedOperation {
  const located = locateOperation(spec, operationId);
  const { tags, summary } = located.operation;
  const tag = tags?.[0];
  if (tag === undefined || summary === undefined)
    throw new Error(`${operationId} needs a tag and a summary to appear in the reference`);
  return { ...located, tag, summary };
}

interface SchemaNode {
  properties?: Record<string, unknown>;
  allOf?: SchemaNode[];
}

/** The property names a schema shows, through `$ref` and `allOf`, without duplicates. */
export function schemaProperties(spec: BundledSpec, node: unknown): string[] {
  if (node === undefined) return [];
  const schema = resolveRef<SchemaNode>(spec, node);
  const own = Object.keys(schema.properties ?? {});
  const inherited = (schema.allOf ?? []).flatMap((part) => schemaProperties(spec, part));
  return [...new Set([...own, ...inherited])];
}
