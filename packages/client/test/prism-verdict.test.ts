import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { validateOrderRequest } from "../src/index.js";
import { prismViolations } from "./helpers/prism-verdict.js";
import { requestExamples } from "./helpers/spec.js";

// Values near every rule's edge, valid and not, for every key the spec knows, plus near-miss keys.
const scalars = [
  0,
  1,
  2,
  5,
  6,
  -1,
  1.5,
  1234567,
  "",
  "1",
  "A",
  "44",
  "8882223456",
  "888-222-3456",
  "noc@example.com",
  "noc@example",
  "a@b.co",
  "x y@z.com",
  true,
  false,
  null,
];
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(...scalars),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("countryCode", "number", "x"), tie("value"), { maxKeys: 3 }),
  ),
})).value;
const numberItem = fc.record(
  {
    countryCode: fc.constantFrom<unknown>("1", "44", 1, ""),
    number: fc.constantFrom<unknown>("8882223456", "888222345", "88822234567", 8882223456),
    extra: value,
  },
  { requiredKeys: [] },
);
const keys = {
  quantity: fc.constantFrom<unknown>(1, 0, 3, "2", 1.5, null),
  numbers: fc.oneof(fc.array(numberItem, { maxLength: 3 }), value),
  reservations: fc.oneof(fc.constantFrom<unknown>("A", "", ["A"], [], ["A", ""], [1]), value),
  reservationID: fc.oneof(fc.constantFrom<unknown>("BD929A2A-7F48-11E6-B908-52540029234D", ["A", "B"], []), value),
  packageID: fc.constantFrom<unknown>(1234567, 1, 0, -3, "1", 2.5, [1]),
  serviceArea: fc.constantFrom<unknown>(1, 3, 5, 0, 6, "4", null),
  Email: fc.oneof(
    fc.constantFrom<unknown>("noc@example.com", "noc@example", "a.b+c@d-e.fg", "@x.com", "a@-b.com", ["a@b.co"]),
    fc.emailAddress(),
  ),
  myRespOrg: fc.constantFrom<unknown>(true, false, "true", 0),
  Notes: fc.constantFrom<unknown>("", "x", 1, {}),
  referenceID: fc.constantFrom<unknown>("PO-1", "", 7),
  email: value,
  emial: value,
};
// A valid order in one of the four modes with some optional fields, then zero to two mutations: a key set
// to any value of its pool, a key removed, or a body that is not an object at all.
const validMode = fc.oneof(
  fc.record({ quantity: fc.integer({ min: 1, max: 99 }) }),
  fc.record({
    numbers: fc.array(fc.constant({ countryCode: "1", number: "8882223456" }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ reservations: fc.oneof(fc.constant("A"), fc.array(fc.constant("B"), { minLength: 1, maxLength: 2 })) }),
  fc.record({ reservationID: fc.oneof(fc.constant("C"), fc.array(fc.constant("D"), { minLength: 1, maxLength: 2 })) }),
);
const validOptional = fc.record(
  {
    Email: fc.constantFrom("noc@example.com", "a.b+c@d-e.fg"),
    myRespOrg: fc.boolean(),
    Notes: fc.string({ maxLength: 3 }),
    referenceID: fc.string({ minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const keyNames = Object.keys(keys) as (keyof typeof keys)[];
const mutation = fc.oneof(
  fc.constantFrom(...keyNames).chain((key) => keys[key].map((next) => ({ key, next, remove: false }))),
  fc.constantFrom(...keyNames).map((key) => ({ key, next: undefined, remove: true })),
);
const order = fc.oneof(
  {
    weight: 19,
    arbitrary: fc
      .tuple(validMode, validOptional, fc.array(mutation, { maxLength: 2 }))
      .map(([mode, optional, mutations]) => {
        const body: Record<string, unknown> = { ...mode, packageID: 1234567, serviceArea: 4, ...optional };
        for (const { key, next, remove } of mutations) {
          if (remove) delete body[key];
          else body[key] = next;
        }
        return body;
      }),
  },
  { weight: 1, arbitrary: value },
);

// 3000 bodies through Prism's validator take seconds on a busy machine.
describe("the client's verdict equals the mock's (Prism's own validator)", { timeout: 60_000 }, () => {
  test("on 3000 generated bodies, valid and invalid alike", () => {
    let valid = 0;
    fc.assert(
      fc.property(order, (generated) => {
        // Compare what goes on the wire: JSON drops undefined and cannot carry Infinity.
        const body = JSON.parse(JSON.stringify(generated) ?? "null");
        const prismAccepts = prismViolations(body).length === 0;
        if (prismAccepts) valid++;
        expect(validateOrderRequest(body).ok).toBe(prismAccepts);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
    // The comparison means something only if both verdicts occur often.
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(2700);
  });

  test.each(requestExamples("purchaseTollFreeNumbers"))("both accept the spec's example %s", (_name, example) => {
    expect(prismViolations(example)).toEqual([]);
    expect(validateOrderRequest(example).ok).toBe(true);
  });

  test("both reject a body with two order modes (negative control)", () => {
    const body = { quantity: 1, reservations: "A", packageID: 1, serviceArea: 1 };
    expect(prismViolations(body)).not.toEqual([]);
    expect(validateOrderRequest(body).ok).toBe(false);
  });
});
