import { jsonMediaType, loadBundledSpec, locateOperation, namedExamples } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";
import { compileAgainstSpec, dialects, violations } from "./schema-validator.ts";

const spec = loadBundledSpec();
const body = jsonMediaType(spec, locateOperation(spec, "purchaseTollFreeNumbers").operation.requestBody);
const examples = namedExamples(spec, body);

const base = { packageID: 1234567, serviceArea: 4 };
const byQuantity = { quantity: 1, ...base };
const item = { countryCode: "1", number: "8882223456" };
const byNumbers = { numbers: [item], ...base };
const reservation = "BD929A2A-7F48-11E6-B908-52540029234D";
const without = (key: string, from: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(from).filter(([k]) => k !== key));

/** Bodies beyond the named examples that the contract must accept: each form the spec allows. */
const accepted: [string, unknown][] = [
  ...examples.map(({ name, value }): [string, unknown] => [`example ${name}`, value]),
  ["reservations as one ID", { reservations: reservation, ...base }],
  ["reservationID as one ID", { reservationID: reservation, ...base }],
  ["serviceArea 1 (lowest)", { ...byQuantity, serviceArea: 1 }],
  ["serviceArea 5 (highest)", { ...byQuantity, serviceArea: 5 }],
  ["packageID 1 (lowest)", { ...byQuantity, packageID: 1 }],
  ["myRespOrg false", { ...byQuantity, myRespOrg: false }],
  ["a one-character referenceID", { ...byQuantity, referenceID: "x" }],
  ["empty Notes (only referenceID must be non-empty)", { ...byQuantity, Notes: "" }],
];

/**
 * Bodies the contract must reject, one or more per rule, each with the violation (`path keyword`) that
 * must be among the validator's errors: the failing path is asserted, not just "invalid".
 */
const rejected: [string, unknown, string][] = [
  // The seed's 422 cases.
  ["missing packageID", without("packageID", byQuantity), "/packageID required"],
  ["missing serviceArea", without("serviceArea", byQuantity), "/serviceArea required"],
  ["an array for a scalar (Email)", { ...byQuantity, Email: ["noc@example.com"] }, "/Email type"],
  ["an array for a scalar (packageID)", { ...byQuantity, packageID: [1234567] }, "/packageID type"],
  ["text for an integer (quantity)", { ...byQuantity, quantity: "1" }, "/quantity type"],
  ["a fraction for an integer (packageID)", { ...byQuantity, packageID: 1.5 }, "/packageID type"],
  ["a number for a string (referenceID)", { ...byQuantity, referenceID: 42 }, "/referenceID type"],
  ["a number for a string (Notes)", { ...byQuantity, Notes: 7 }, "/Notes type"],
  ["a number item without number", { ...byNumbers, numbers: [{ countryCode: "1" }] }, "/numbers/0/number required"],
  [
    "a number item without countryCode",
    { ...byNumbers, numbers: [{ number: "8882223456" }] },
    "/numbers/0/countryCode required",
  ],
  ["countryCode 44", { ...byNumbers, numbers: [{ ...item, countryCode: "44" }] }, "/numbers/0/countryCode enum"],
  ["serviceArea 0", { ...byQuantity, serviceArea: 0 }, "/serviceArea enum"],
  ["serviceArea 6", { ...byQuantity, serviceArea: 6 }, "/serviceArea enum"],
  // Order modes: exactly one.
  ["two order modes (quantity and numbers)", { ...byQuantity, numbers: [item] }, "/numbers additionalProperties"],
  [
    "two reservation keys",
    { reservations: reservation, reservationID: reservation, ...base },
    "/reservationID additionalProperties",
  ],
  ["no order mode", base, "/quantity required"],
  // Closed objects and value constraints.
  ["an unknown key", { ...byQuantity, email: "noc@example.com" }, "/email additionalProperties"],
  [
    "an unknown key in a number item",
    { ...byNumbers, numbers: [{ ...item, extension: "12" }] },
    "/numbers/0/extension additionalProperties",
  ],
  ["an empty referenceID", { ...byQuantity, referenceID: "" }, "/referenceID minLength"],
  ["quantity 0", { ...byQuantity, quantity: 0 }, "/quantity minimum"],
  ["packageID 0", { ...byQuantity, packageID: 0 }, "/packageID minimum"],
  ["an empty numbers array", { ...byNumbers, numbers: [] }, "/numbers minItems"],
  ["an empty reservations array", { reservations: [], ...base }, "/reservations minItems"],
  ["an empty reservation ID", { reservationID: "", ...base }, "/reservationID minLength"],
  ["a nine-digit number", { ...byNumbers, numbers: [{ ...item, number: "888222345" }] }, "/numbers/0/number pattern"],
  ["a formatted number", { ...byNumbers, numbers: [{ ...item, number: "888-222-3456" }] }, "/numbers/0/number pattern"],
  ["countryCode as a number", { ...byNumbers, numbers: [{ ...item, countryCode: 1 }] }, "/numbers/0/countryCode type"],
  ["a malformed Email", { ...byQuantity, Email: "not-an-address" }, "/Email format"],
  ["myRespOrg as text", { ...byQuantity, myRespOrg: "true" }, "/myRespOrg type"],
  ["a body that is not an object", [byQuantity], " type"],
];

describe.each(dialects)("order request schema under %s semantics", (dialect) => {
  const validate = compileAgainstSpec(spec, dialect, body.schema);

  it("accepts at least the four named request examples", () => {
    expect(examples.map(({ name }) => name)).toEqual(
      expect.arrayContaining(["orderSpecificNumbers", "orderByQuantity", "orderByNumbers", "orderWithEveryOption"]),
    );
  });

  it.each(accepted)("accepts %s", (_name, value) => {
    const valid = validate(value);
    expect(violations(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(rejected)("rejects %s", (_name, value, violation) => {
    expect(validate(value)).toBe(false);
    expect(violations(validate.errors)).toContain(violation);
  });
});
