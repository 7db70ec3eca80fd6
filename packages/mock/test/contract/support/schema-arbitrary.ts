import { loadBundledSpec, resolveRef } from "@tf-orders/spec/reader";
import fc from "fast-check";

/** The subset of JSON Schema the order request uses; anything else fails loudly in {@link validValue}. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
}

/** A schema with its `$ref` followed. */
export function resolved(schema: Schema): Schema {
  return resolveRef<Schema>(loadBundledSpec(), schema);
}

/** Values that satisfy `schema`, generated from its keywords (enum, pattern, minimum, format, …). */
export function validValue(input: Schema): fc.Arbitrary<unknown> {
  const schema = resolved(input);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map(validValue));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: 2_147_483_647 });
    case "boolean":
      return fc.boolean();
    case "string":
      if (schema.format === "email") return fc.emailAddress();
      if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: 40 });
    case "array":
      return fc.array(validValue(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: 3 });
    case "object":
      return validObject(schema);
  }
  throw new Error(`no generator for the schema ${JSON.stringify(schema)}`);
}

/** Objects with every required key and any subset of the optional ones. */
export function validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validValue(property)]),
  );
  return fc.record(properties, { requiredKeys: schema.required ?? [] });
}

/** The JSON types a schema admits (`integer` and `number` kept apart: 1.5 is not an integer). */
export function jsonTypes(input: Schema): Set<string> {
  const schema = resolved(input);
  if (schema.oneOf) return new Set(schema.oneOf.flatMap((branch) => [...jsonTypes(branch)]));
  if (schema.type !== undefined) return new Set([schema.type]);
  if (schema.enum) return new Set(schema.enum.map((value) => (Number.isInteger(value) ? "integer" : typeof value)));
  return new Set();
}

const valuesOfType: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)),
  integer: fc.integer({ min: -1000, max: 10_000_000 }),
  number: fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((value) => !Number.isInteger(value)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  object: fc.constantFrom({}, { value: 1 }),
};

/** Values of a JSON type the schema does not admit (a string for an integer, an object for a string, …). */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const allowed = jsonTypes(schema);
  return fc.oneof(
    ...Object.entries(valuesOfType)
      .filter(([type]) => !allowed.has(type))
      .map(([, values]) => values),
  );
}

/** Whether a schema admits only scalars (no array, no object). */
export function isScalar(schema: Schema): boolean {
  const types = jsonTypes(schema);
  return types.size > 0 && !types.has("array") && !types.has("object");
}
