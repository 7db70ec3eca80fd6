import { describe, expect, test } from "vitest";
import { validateOrderRequest } from "../src/index.js";
import { responseExamples } from "./helpers/spec.js";

const valid = { quantity: 1, packageID: 1234567, serviceArea: 4 };
const numbers = (item: object) => ({ numbers: [item], packageID: 1234567, serviceArea: 4 });

// A body that breaks the rule behind each of the spec's 422 examples (the seed's messages, filled in).
const triggers: Record<string, unknown> = {
  packageIdRequired: { quantity: 1, serviceArea: 4 },
  notScalar: { ...valid, Email: ["noc@example.com"] },
  notInteger: { ...valid, quantity: "1" },
  notString: { ...valid, referenceID: 42 },
  numberRequired: numbers({ countryCode: "1" }),
  countryCodeRequired: numbers({ number: "8882223456" }),
  countryCodeInvalid: numbers({ countryCode: "44", number: "8882223456" }),
  serviceAreaInvalid: { ...valid, serviceArea: 9 },
};

const examples = responseExamples("purchaseTollFreeNumbers").filter(([status]) => status === 422);

describe("client-side messages are the server's own 422 messages", () => {
  test("every 422 example of the spec has a trigger here", () => {
    expect(examples.map(([, name]) => name).sort()).toEqual(Object.keys(triggers).sort());
  });

  test.each(examples)("%s: %s", (_status, name, example) => {
    const result = validateOrderRequest(triggers[name]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((issue) => issue.message)).toEqual([(example as { error: string }).error]);
  });
});
