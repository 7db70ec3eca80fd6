import { createRequire } from 'node:module';

const spec = createRequire(import.meta.url)('@tf-orders/spec/openapi.json') as unknown;

const ORDERS = '/_rest/v3/my/tf/orders';
const LOGIN = '/_rest/v4/authenticate';

/** Follows a path of keys through the bundled spec, resolving local `$ref`s on the way. */
function walk(keys: readonly string[]): unknown {
  let node: unknown = spec;
  for (const key of keys) {
    node = deref(node);
    if (typeof node !== 'object' || node === null || !(key in node)) {
      throw new Error(`the bundled spec has nothing at ${keys.join(' > ')} (stopped at ${key})`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return deref(node);
}

function deref(node: unknown): unknown {
  let current = node;
  while (typeof current === 'object' && current !== null && '$ref' in current && typeof current.$ref === 'string') {
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    current = pointer.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec);
  }
  return current;
}

/** A named request example of the purchase operation, from the bundled spec. */
export function orderRequestExample(name: string): Record<string, unknown> {
  return walk(['paths', ORDERS, 'post', 'requestBody', 'content', 'application/json', 'examples', name, 'value']) as Record<string, unknown>;
}

/** A named response example of the purchase operation, from the bundled spec. */
export function orderResponseExample(status: string, name: string): { readonly [key: string]: unknown } {
  return walk(['paths', ORDERS, 'post', 'responses', status, 'content', 'application/json', 'examples', name, 'value']) as Record<string, unknown>;
}

/** A named response example of the login operation, from the bundled spec. */
export function loginResponseExample(status: string, name: string): { readonly [key: string]: unknown } {
  return walk(['paths', LOGIN, 'post', 'responses', status, 'content', 'application/json', 'examples', name, 'value']) as Record<string, unknown>;
}
