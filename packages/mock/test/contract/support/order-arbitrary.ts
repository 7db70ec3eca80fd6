import { jsonMediaType, loadBundledSpec } from "@tf-orders/spec/reader";
import fc from "fast-check";
import { purchase } from "./purchase-examples.ts";
import { isScalar, jsonTypes, resolved, type Schema, validObject, validValue, wrongType } from "./schema-arbitrary.ts";

/** One generated payload: how it was made (`kind`, for coverage), the detail, and the body itself. */
export interface Candidate {
  kind: CandidateKind;
  detail: string;
  payload: unknown;
}

/** Every way a candidate is made; the differential test checks that each one occurred. */
export const candidateKinds = [
  "valid order",
  "drop a required field",
  "wrong type",
  "array for a scalar",
  "two order modes",
  "no order mode",
  "value outside its enum",
  "near miss of a format",
  "bad number item",
  "empty string",
  "below minimum",
  "empty array",
  "extra key",
  "not an object",
] as const;
/** One of {@link candidateKinds}. */
export type CandidateKind = (typeof candidateKinds)[number];

/** The request body's closed object variants (nested `oneOf`s flattened), read from the spec. */
export const orderVariants: Schema[] = flatten(
  jsonMediaType(loadBundledSpec(), purchase.operation.requestBody).schema as Schema,
);
const sharedRequired = orderVariants
  .map((variant) => variant.required ?? [])
  .reduce((common, required) => common.filter((key) => required.includes(key)));
const everyKey = new Set(orderVariants.flatMap((variant) => Object.keys(variant.properties ?? {})));

function flatten(schema: Schema): Schema[] {
  const node = resolved(schema);
  return node.oneOf ? node.oneOf.flatMap(flatten) : [node];
}

/** The key that names a variant's order mode: the one required key the variants do not share. */
function modeKey(variant: Schema): string {
  const own = (variant.required ?? []).filter((key) => !sharedRequired.includes(key));
  if (own.length !== 1 || own[0] === undefined) throw new Error(`cannot tell the order mode of ${JSON.stringify(own)}`);
  return own[0];
}

const omit = (payload: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(payload).filter(([name]) => name !== key));
const make = (kind: CandidateKind, detail: string, payload: unknown): Candidate => ({ kind, detail, payload });
const unknownKey = fc
  .oneof(
    fc.constantFrom("email", "notes", "reservationId", "PackageID", "numbers "),
    fc.string({ minLength: 1, maxLength: 12 }),
  )
  .filter((key) => !everyKey.has(key) && key !== "__proto__");
// Strings close to an e-mail address, where two validators' format rules are most likely to differ.
const nearMisses = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("a@b", "a@b.", "@example.com", "noc@", "noc@example..com", "noc@exa_mple.com", "no c@example.com"),
  fc.constantFrom(
    "noc@example.com ",
    " noc@example.com",
    "ñoc@example.com",
    "noc@éxample.com",
    "noc@[127.0.0.1]",
    '"noc"@example.com',
  ),
  fc.emailAddress().map((address) => address.replace("@", "@@")),
);
const anyScalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));

function outsideEnum(schema: Schema): fc.Arbitrary<unknown> {
  const allowed = schema.enum ?? [];
  const sameType: fc.Arbitrary<unknown> = jsonTypes(schema).has("integer")
    ? fc.integer({ min: -10, max: 50 })
    : fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom(" 1", "01", "+1", "44"));
  return sameType.filter((value) => !allowed.includes(value));
}

/** Mutations of a valid payload of `variant`: each listed way of breaking the contract that applies to it. */
function mutations(variant: Schema, payload: Record<string, unknown>): fc.Arbitrary<Candidate>[] {
  const properties = variant.properties ?? {};
  const schemaOf = (key: string) => resolved(properties[key] ?? {});
  const keys = Object.keys(payload);
  const mode = modeKey(variant);
  const otherModes = orderVariants.map(modeKey).filter((key) => key !== mode);
  const set = (kind: CandidateKind, key: string, values: fc.Arbitrary<unknown>, detail = key) =>
    values.map((value) => make(kind, detail, { ...payload, [key]: value }));
  const pick = (candidates: string[], build: (key: string) => fc.Arbitrary<Candidate>) =>
    candidates.length === 0 ? [] : [fc.constantFrom(...candidates).chain(build)];

  const enumKeys = keys.filter((key) => schemaOf(key).enum !== undefined);
  const formatKeys = keys.filter((key) => schemaOf(key).format !== undefined);
  const minLengthKeys = keys.filter(
    (key) => (schemaOf(key).minLength ?? 0) > 0 || (resolved(schemaOf(key).oneOf?.[0] ?? {}).minLength ?? 0) > 0,
  );
  const minimumKeys = keys.filter((key) => schemaOf(key).minimum !== undefined);
  const arrayKeys = keys.filter((key) => Array.isArray(payload[key]));
  const itemObjectKeys = arrayKeys.filter((key) => resolved(schemaOf(key).items ?? {}).type === "object");

  return [
    fc.constantFrom(...(variant.required ?? [])).map((key) => make("drop a required field", key, omit(payload, key))),
    ...pick(keys, (key) => set("wrong type", key, wrongType(schemaOf(key)))),
    ...pick(
      keys.filter((key) => isScalar(schemaOf(key))),
      (key) => fc.constant(make("array for a scalar", key, { ...payload, [key]: [payload[key]] })),
    ),
    ...pick(otherModes, (other) => {
      const otherVariant = orderVariants.find((candidate) => modeKey(candidate) === other) as Schema;
      return set("two order modes", other, validValue(otherVariant.properties?.[other] ?? {}), `${mode} + ${other}`);
    }),
    fc.constant(make("no order mode", mode, omit(payload, mode))),
    ...pick(enumKeys, (key) => set("value outside its enum", key, outsideEnum(schemaOf(key)))),
    ...pick(formatKeys, (key) => set("near miss of a format", key, nearMisses)),
    ...pick(minLengthKeys, (key) => fc.constant(make("empty string", key, { ...payload, [key]: "" }))),
    ...pick(minimumKeys, (key) =>
      set("below minimum", key, fc.integer({ min: -1000, max: (schemaOf(key).minimum ?? 0) - 1 })),
    ),
    ...pick(arrayKeys, (key) => fc.constant(make("empty array", key, { ...payload, [key]: [] }))),
    ...pick(itemObjectKeys, (key) => badItem(payload, key, resolved(schemaOf(key).items ?? {}))),
    fc.tuple(unknownKey, anyScalar).map(([key, value]) => make("extra key", key, { ...payload, [key]: value })),
  ];
}

/** Breaks one item of an array of objects (such as one number of `numbers`) in one of the ways its schema forbids. */
function badItem(payload: Record<string, unknown>, key: string, itemSchema: Schema): fc.Arbitrary<Candidate> {
  const items = payload[key] as Record<string, unknown>[];
  const itemProperties = itemSchema.properties ?? {};
  const itemKeys = Object.keys(itemProperties);
  return fc.tuple(fc.nat({ max: items.length - 1 }), fc.constantFrom(...itemKeys)).chain(([index, itemKey]) => {
    const schema = resolved(itemProperties[itemKey] ?? {});
    const item = items[index] ?? {};
    const broken: fc.Arbitrary<[string, Record<string, unknown>]>[] = [
      fc.constant([`without ${itemKey}`, omit(item, itemKey)]),
      wrongType(schema).map((value) => [`${itemKey} of a wrong type`, { ...item, [itemKey]: value }]),
      fc.constant([`with an extra key`, { ...item, [`${itemKey}Extra`]: item[itemKey] }]),
    ];
    if (schema.enum)
      broken.push(outsideEnum(schema).map((value) => [`${itemKey} outside its enum`, { ...item, [itemKey]: value }]));
    if (schema.pattern !== undefined) {
      const pattern = new RegExp(schema.pattern);
      broken.push(
        fc
          .oneof(
            fc.string({ maxLength: 12 }),
            fc.stringMatching(/^[0-9]{9,11}$/),
            fc.constantFrom("888-222-3456", "+18882223456"),
          )
          .filter((text) => !pattern.test(text))
          .map((value) => [`${itemKey} breaking its pattern`, { ...item, [itemKey]: value }]),
      );
    }
    return fc.oneof(...broken).map(([detail, brokenItem]) =>
      make("bad number item", `${key}[${index}] ${detail}`, {
        ...payload,
        [key]: items.map((each, at) => (at === index ? brokenItem : each)),
      }),
    );
  });
}

const validOrders = fc.oneof(
  ...orderVariants.map((variant) => validObject(variant).map((payload) => ({ variant, payload }))),
);

/**
 * Payloads for the differential test: valid orders of every variant, every listed mutation of them, and
 * bodies that are not objects at all.
 */
export const orderCandidate: fc.Arbitrary<Candidate> = fc.oneof(
  { weight: 3, arbitrary: validOrders.map(({ variant, payload }) => make("valid order", modeKey(variant), payload)) },
  { weight: 7, arbitrary: validOrders.chain(({ variant, payload }) => fc.oneof(...mutations(variant, payload))) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.constantFrom(null, "order", 42, true), fc.array(anyScalar, { maxLength: 2 }))
      .map((payload) => make("not an object", typeof payload, payload)),
  },
);
