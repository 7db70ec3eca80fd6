import fc from "fast-check";
import type { PurchaseExamples } from "./spec-examples.js";

/** Fixed so every run validates the same orders. */
const seed = 20_260_042;

type Order = Record<string, unknown>;

/**
 * Valid orders: the spec's named request examples, repeated to `size` as distinct deep copies so the
 * validator never sees the same object twice in a row.
 */
export function validOrders(examples: PurchaseExamples, size: number): Order[] {
  return Array.from({ length: size }, (_, index) =>
    structuredClone(examples.requests[index % examples.requests.length]!.value),
  );
}

/**
 * Mutations that make any order invalid whatever its variant, because every variant of the request schema is a
 * closed object and no field of it takes an object or null. No rule of the spec is re-typed here: the harness
 * only relies on the variants being closed, and it checks that the validator rejects each order it builds.
 */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("unknown-key" as const), key: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("object-value" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("null-value" as const), pick: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(order: Order, change: Mutation): Order {
  const keys = Object.keys(order);
  switch (change.kind) {
    case "unknown-key":
      return { ...order, [`unknown_${change.key}`]: 1 };
    case "object-value":
      return { ...order, [keys[change.pick % keys.length]!]: { nested: true } };
    case "null-value":
      return { ...order, [keys[change.pick % keys.length]!]: null };
  }
}

/** Not an order at all: the validator must reject these before looking at fields. */
const notObjects: unknown[] = [null, "order", 42, [], [{ quantity: 1 }]];

/**
 * Invalid orders: spec examples with one to three seeded random mutations each (so some carry several
 * problems, as the validator lists every one), plus a few values that are not objects.
 */
export function invalidOrders(examples: PurchaseExamples, size: number): unknown[] {
  const arbitrary = fc
    .record({
      example: fc.constantFrom(...examples.requests.map((request) => request.value)),
      changes: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    })
    .map(({ example, changes }) => changes.reduce(mutate, structuredClone(example)));
  const mutated = fc.sample(arbitrary, { seed, numRuns: size - notObjects.length });
  return [...mutated, ...notObjects];
}
