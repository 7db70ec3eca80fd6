import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The purchase operation's path, as the bundled spec names it. */
export const purchasePath = "/_rest/v3/my/tf/orders";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local JSON pointer such as `#/components/examples/X` (RFC 6901 escapes included). */
function resolvePointer(document: Json, pointer: string): Json {
  if (!pointer.startsWith("#/")) throw new Error(`only local $ref pointers are supported, got ${pointer}`);
  let node: Json | undefined = document;
  for (const raw of pointer.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`$ref ${pointer} does not resolve in the bundled spec`);
  }
  return node;
}

function deref(document: Json, node: Json | undefined, where: string): { [key: string]: Json } {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops += 1) {
    if (hops > 16) throw new Error(`$ref cycle at ${where}`);
    current = resolvePointer(document, current.$ref);
  }
  if (!isObject(current)) throw new Error(`${where} is missing from the bundled spec`);
  return current;
}

/** The purchase operation's named request examples and its success example, read from the bundled spec. */
export interface PurchaseExamples {
  /** Named request examples (orderSpecificNumbers, orderByQuantity, …), in the spec's order. */
  requests: { name: string; value: Record<string, unknown> }[];
  /** The 200 response's first example value (orderAccepted). */
  success: Record<string, unknown>;
}

/** Reads `@tf-orders/spec/openapi.json` (the bundle the client and the mock are built from). */
export function loadPurchaseExamples(): PurchaseExamples {
  const document = JSON.parse(readFileSync(require.resolve("@tf-orders/spec/openapi.json"), "utf8")) as Json;
  const paths = deref(document, isObject(document) ? document.paths : undefined, "paths");
  const operation = deref(document, deref(document, paths[purchasePath], purchasePath).post, `${purchasePath} post`);
  const body = deref(document, operation.requestBody, "requestBody");
  const requestExamples = deref(document, deref(document, body.content, "content")["application/json"], "json").examples;
  const requests = Object.entries(deref(document, requestExamples, "request examples")).map(([name, example]) => {
    const value = deref(document, example, `example ${name}`).value;
    if (!isObject(value)) throw new Error(`request example ${name} has no object value`);
    return { name, value };
  });
  const ok = deref(document, deref(document, operation.responses, "responses")["200"], "200 response");
  const okExamples = deref(document, deref(document, ok.content, "200 content")["application/json"], "200 json").examples;
  const first = Object.values(deref(document, okExamples, "200 examples"))[0];
  const success = deref(document, first, "200 example").value;
  if (!isObject(success)) throw new Error("the 200 response has no example value");
  if (requests.length === 0) throw new Error("the purchase operation has no request examples");
  return { requests, success };
}
