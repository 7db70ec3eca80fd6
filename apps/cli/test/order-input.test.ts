import type { OrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../src/errors.js";
import { buildOrderFromFlags, describeOrder, prepareOrder } from "../src/order-input.js";
import { fakeIo } from "./support/fake-io.js";

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

describe("describeOrder", () => {
  it.each<[string, OrderRequest, string]>([
    [
      "one by quantity",
      { quantity: 1, packageID: 7, serviceArea: 4 },
      "1 number (any available) for package 7 in service area 4",
    ],
    [
      "several by quantity",
      { quantity: 3, packageID: 7, serviceArea: 4 },
      "3 numbers (any available) for package 7 in service area 4",
    ],
    [
      "numbers, shown in E.164",
      {
        numbers: [
          { countryCode: "1", number: "8882223456" },
          { countryCode: "1", number: "8772223457" },
        ],
        packageID: 7,
        serviceArea: 2,
      },
      "2 numbers (+18882223456, +18772223457) for package 7 in service area 2",
    ],
    [
      "a reservation list",
      { reservations: ["A", "B"], packageID: 7, serviceArea: 1 },
      "the numbers of 2 reservations (A, B) for package 7 in service area 1",
    ],
    [
      "a single reservationID",
      { reservationID: "A", packageID: 7, serviceArea: 1 },
      "the numbers of 1 reservation (A) for package 7 in service area 1",
    ],
  ])("%s", (_name, order, want) => {
    expect(describeOrder(order)).toBe(want);
  });
});

const valid = { quantity: 1, packageID: 1234567, serviceArea: 4 };

describe("prepareOrder", () => {
  it("returns the validated order built from flags", async () => {
    await expect(
      prepareOrder({ quantity: "1", "package-id": "1234567", "service-area": "4" }, fakeIo()),
    ).resolves.toEqual(valid);
  });

  it.each([
    ["a file", { body: "order.json" }, fakeIo({ files: { "order.json": JSON.stringify(valid) } })],
    ["stdin", { body: "-" }, fakeIo({ stdin: JSON.stringify(valid) })],
  ])("reads --body from %s", async (_name, values, io) => {
    await expect(prepareOrder(values, io)).resolves.toEqual(valid);
  });

  it.each([
    [
      "--body mixed with flags",
      { body: "-", quantity: "1", "my-resporg": true },
      fakeIo({ stdin: "{}" }),
      /--body cannot be combined with order flags \(--quantity, --my-resporg\)/,
    ],
    ["a missing file", { body: "nope.json" }, fakeIo(), /--body: cannot read nope\.json/],
    ["empty stdin", { body: "-" }, fakeIo({ stdin: "  \n" }), /--body: standard input is empty/],
    ["malformed JSON", { body: "-" }, fakeIo({ stdin: '{"quantity": 1,' }), /--body: standard input is not valid JSON/],
    [
      "a body that breaks the spec, naming the field",
      { body: "-" },
      fakeIo({ stdin: '{"quantity":1,"packageID":1234567,"serviceArea":9}' }),
      /serviceArea: The 'serviceArea' parameter/,
    ],
    [
      "two order modes at once",
      { quantity: "1", reservation: ["X"], "package-id": "1", "service-area": "4" },
      fakeIo(),
      /the order is invalid/,
    ],
    ["no order mode", { "package-id": "1", "service-area": "4" }, fakeIo(), /the order is invalid/],
    [
      "flags that break the spec, naming the flag and the field",
      { quantity: "1", "service-area": "4" },
      fakeIo(),
      /--package-id \(packageID\): The 'packageID' parameter is required/,
    ],
  ])("rejects %s with exit code 2", async (_name, values, io, message) => {
    await expect(prepareOrder(values, io)).rejects.toMatchObject({
      exitCode: ExitCode.Usage,
      message: expect.stringMatching(message),
    });
  });

  it.each([
    [
      "two modes from flags",
      { quantity: "1", reservation: ["X"], "package-id": "1", "service-area": "4" },
      fakeIo(),
      "--quantity, --reservation (quantity, reservations)",
    ],
    [
      "no mode from flags",
      { "package-id": "1", "service-area": "4" },
      fakeIo(),
      "--number, --quantity, --reservation (numbers, quantity, reservations, reservationID)",
    ],
    [
      "two modes in --body",
      { body: "-" },
      fakeIo({ stdin: '{"quantity":1,"reservations":["X"],"packageID":1,"serviceArea":4}' }),
      "quantity, reservations",
    ],
  ])("names the flags and fields of a problem with the order modes (%s)", async (_name, values, io, field) => {
    const rejection = prepareOrder(values, io);
    await expect(rejection).rejects.toMatchObject({ problems: [expect.objectContaining({ field })] });
    await expect(rejection).rejects.toMatchObject({ message: expect.stringContaining(`\n  ${field}: `) });
  });

  it("lists every problem of an invalid order, each with its field", async () => {
    await expect(prepareOrder({ quantity: "0", "service-area": "9" }, fakeIo())).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({ field: "--quantity (quantity)" }),
        expect.objectContaining({ field: "--service-area (serviceArea)" }),
        expect.objectContaining({ field: "--package-id (packageID)" }),
      ]),
    });
  });
});
