import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { siteDir } from "../../src/site/locations.js";

/** The parts of the bundled OpenAPI document the tests read. */
export interface Example {
  summary?: string;
  value: unknown;
}
export interface MediaType {
  schema?: { $ref?: string };
  examples?: Record<string, Example | { $ref: string }>;
}
export interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, MediaType> }>;
  "x-codeSamples"?: { lang: string; label?: string; source: string }[];
}
export interface OpenApiDocument {
  info: { title: string; version: string };
  servers: { url: string; description?: string }[];
  paths: Record<string, { post?: Operation }>;
  components: Record<string, Record<string, unknown>>;
}

/**
 * The bundled spec that the built site serves (apps/docs/dist/openapi.json): the tests take every
 * name, example and message they look for on the page from it, so they follow the spec.
 */
export function loadSiteSpec(): OpenApiDocument {
  const path = join(siteDir, "openapi.json");
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build -w @tf-orders/docs\` first`);
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** Follows a local `#/components/...` reference. */
export function deref<T>(spec: OpenApiDocument, node: T | { $ref: string }): T {
  if (typeof node !== "object" || node === null || !("$ref" in node)) return node as T;
  const [, section, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(node.$ref) ?? [];
  const target = section !== undefined && name !== undefined ? spec.components[section]?.[name] : undefined;
  if (target === undefined) throw new Error(`Unresolvable reference ${node.$ref}`);
  return deref(spec, target as T | { $ref: string });
}

/** The operation with this operationId, with its path. */
export function findOperation(spec: OpenApiDocument, operationId: string): Operation & { path: string } {
  for (const [path, item] of Object.entries(spec.paths)) {
    if (item.post?.operationId === operationId) return { ...item.post, path };
  }
  throw new Error(`No operation ${operationId} in the bundled spec`);
}

/** Named examples of a media type, dereferenced, in spec order. */
export function namedExamples(spec: OpenApiDocument, media: MediaType | undefined): [string, Example][] {
  return Object.entries(media?.examples ?? {}).map(([name, example]) => [name, deref<Example>(spec, example)]);
}

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: SchemaNode[];
}

/** The property names a schema shows, through `$ref` and `allOf`, without duplicates. */
export function schemaProperties(spec: OpenApiDocument, node: SchemaNode | undefined): string[] {
  if (node === undefined) return [];
  const schema = deref<SchemaNode>(spec, node as SchemaNode & { $ref: string });
  const own = Object.keys(schema.properties ?? {});
  const inherited = (schema.allOf ?? []).flatMap((part) => schemaProperties(spec, part));
  return [...new Set([...own, ...inherited])];
}
