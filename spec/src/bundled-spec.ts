import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The parts of the bundled OpenAPI document that tools and tests read; everything else stays `unknown`. */
export interface BundledSpec {
  info: { title: string; version: string; [key: string]: unknown };
  servers: { url: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** An OpenAPI operation, with the fields this project reads. */
export interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

/** A request body's or response's media type: its schema and named examples. */
export interface MediaType {
  schema: { $ref?: string; [key: string]: unknown };
  examples?: Record<string, unknown>;
}

/** One named example, resolved: its name, summary and value. */
export interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
}

/** An operation found by its operationId, with the path and method that serve it. */
export interface LocatedOperation {
  path: string;
  method: string;
  operation: Operation;
}

/**
 * The monorepo's root folder: the one that holds this package (spec/), apps/, packages/ and turbo.json. The one place
 * that knows it, for tools that run from a package (the docs' dev server, the benchmarks).
 */
export const workspaceRoot: string = fileURLToPath(new URL("../../..", import.meta.url));

let cached: BundledSpec | undefined;

/**
 * Reads the single-file contract `npm run build -w @tf-orders/spec` writes (`spec/dist/openapi.json`), once
 * per process. Tools and tests take paths, examples and schemas from it instead of typing them again.
 *
 * @example
 * ```ts
 * import { loadBundledSpec, locateOperation } from "@tf-orders/spec/reader";
 * const { path } = locateOperation(loadBundledSpec(), "purchaseTollFreeNumbers"); // "/_rest/v3/my/tf/orders"
 * ```
 */
export function loadBundledSpec(): BundledSpec {
  cached ??= JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8")) as BundledSpec;
  return cached;
}

/** Finds an operation by its operationId, so that nothing hard-codes a path or a method. */
export function locateOperation(spec: BundledSpec, operationId: string): LocatedOperation {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === operationId) return { path, method, operation };
    }
  }
  throw new Error(`operation ${operationId} is not in the bundled spec`);
}

/** Follows document-local `$ref`s (the only kind a bundle has) to the object they name. */
export function resolveRef<T>(spec: BundledSpec, node: unknown): T {
  for (let hops = 0; ; hops++) {
    const ref = (node as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== "string") return node as T;
    if (!ref.startsWith("#/") || hops > 32) throw new Error(`cannot resolve $ref ${ref} in the bundled spec`);
    node = ref
      .slice(2)
      .split("/")
      .map((key) => decodeURIComponent(key).replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], spec);
    if (node === undefined) throw new Error(`unresolved $ref ${ref} in the bundled spec`);
  }
}

/** The `application/json` media type of a request body or a response (either may be a `$ref`). */
export function jsonMediaType(spec: BundledSpec, owner: unknown): MediaType {
  const media = resolveRef<{ content?: Record<string, MediaType> } | undefined>(spec, owner)?.content?.[
    "application/json"
  ];
  if (media === undefined) throw new Error("no application/json content");
  return media;
}

/** Each named example of a media type, resolved, in spec order. */
export function namedExamples(spec: BundledSpec, media: MediaType): NamedExample[] {
  return Object.entries(media.examples ?? {}).map(([name, example]) => {
    const { summary, value } = resolveRef<{ summary?: string; value: unknown }>(spec, example);
    return summary === undefined ? { name, value } : { name, summary, value };
  });
}

/** The named examples of one operation: of its request body, and of each response by status, in spec order. */
export interface OperationExamples {
  request: NamedExample[];
  responses: Record<string, NamedExample[]>;
}

/**
 * Every named example of an operation, resolved: the one reader of examples for tests and tools (contract cases, fake
 * servers, benchmarks), so that none of them shapes the spec again.
 *
 * @example
 * ```ts
 * const { request, responses } = operationExamples(loadBundledSpec(), "purchaseTollFreeNumbers");
 * exampleNamed(responses["402"], "trialLimitExceeded"); // { code: 402, error: "Order too large; …" }
 * ```
 */
export function operationExamples(spec: BundledSpec, operationId: string): OperationExamples {
  const { operation } = locateOperation(spec, operationId);
  const examplesOf = (owner: unknown) => (owner === undefined ? [] : namedExamples(spec, jsonMediaType(spec, owner)));
  return {
    request: examplesOf(operation.requestBody),
    responses: Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [status, examplesOf(response)]),
    ),
  };
}

/** The value of the example called `name` among `examples`; a missing one fails loudly, naming it. */
export function exampleNamed(examples: readonly NamedExample[] | undefined, name: string): unknown {
  const found = examples?.find((example) => example.name === name);
  if (found === undefined) throw new Error(`the bundled spec has no example named ${name} there`);
  return found.value;
}

/**
 * The spec's local server — the one on a loopback host — where `npm start` and `npm run mock` serve the
 * mock. Throws when the spec lists none.
 *
 * @example
 * ```ts
 * mockServer(loadBundledSpec()).port; // "4010"
 * ```
 */
export function mockServer(spec: BundledSpec): URL {
  for (const { url } of spec.servers) {
    const parsed = new URL(url);
    if (isLoopbackHost(parsed.hostname)) return parsed;
  }
  throw new Error("the bundled spec lists no local (loopback) server for the mock");
}

/**
 * Whether a URL's host names this machine's loopback interface (`localhost`, `127.0.0.0/8`, `[::1]`): the one rule for
 * what may be a mock, here and in the CLI (a remote URL can never skip the purchase confirmation).
 *
 * @example
 * ```ts
 * isLoopbackHost(new URL("http://127.0.0.2:4010").hostname); // true
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
