import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/exit-codes.js";
import { buildOrderFromFlags } from "../../src/order/build-order-from-flags.js";

describe("buildOrderFromFlags", () => {
  it.each([
    [
      "quantity",
      { quantity: "2", "package-id": "1234567", "service-area": "4" },
      { quantity: 2, packageID: 1234567, serviceArea: 4 },
    ],
    [
      "numbers in mixed formats, in the order given",
      { number: ["888-222-3456", "+1 (877) 222-3457"] },
      {
        numbers: [
          { countryCode: "1", number: "8882223456" },
          { countryCode: "1", number: "8772223457" },
        ],
      },
    ],
    [
      "reservations as a list, even of one",
      { reservation: ["BD929A2A-7F48-11E6-B908-52540029234D"] },
      { reservations: ["BD929A2A-7F48-11E6-B908-52540029234D"] },
    ],
    [
      "every optional field under the key the spec spells",
      { email: "noc@example.com", notes: "n", "reference-id": "PO-1", "my-resporg": true },
      { Email: "noc@example.com", Notes: "n", referenceID: "PO-1", myRespOrg: true },
    ],
    ["nothing given, nothing set (the validator reports what is missing)", {}, {}],
    [
      "out-of-range integers pass through for the validator to judge",
      { quantity: "0", "service-area": "9" },
      { quantity: 0, serviceArea: 9 },
    ],
  ])("%s", (_name, values, want) => {
    expect(buildOrderFromFlags(values)).toEqual(want);
  });

  it.each([
    ["a number that is not a number", { number: ["call me"] }, /--number "call me"/],
    ["a geographic number", { number: ["212-555-0123"] }, /--number "212-555-0123" is not a toll-free number/],
    ["a quantity in words", { quantity: "two" }, /--quantity must be a whole number/],
    ["a fractional package ID", { "package-id": "1.5" }, /--package-id must be a whole number/],
  ])("rejects %s as a usage error naming the flag", (_name, values, message) => {
    expect(() => buildOrderFromFlags(values)).toThrow(
      expect.objectContaining({ exitCode: ExitCode.Usage, message: expect.stringMatching(message) }),
    );
  });
});
