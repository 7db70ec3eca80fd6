import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/exit-codes.js";
import { prepareOrder } from "../../src/order/prepare-order.js";
import { fakeIo } from "../support/fake-io.js";

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
