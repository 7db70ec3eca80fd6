import { describe, expect, test } from "vitest";
import { validateOrderRequest } from "../src/index.js";
import { requestExamples } from "./helpers/spec.js";

const base = { packageID: 1234567, serviceArea: 4 };
const byQuantity = { quantity: 1, ...base };
const item = { countryCode: "1", number: "8882223456" };
const byNumbers = { numbers: [item], ...base };

type Row = [name: string, body: unknown, errors: [parameter: string, message: string, parameters?: string[]][]];

// Every seed 422 template, every boundary and every optional field, with the exact issues expected.
const rows: Row[] = [
  // valid: boundaries and every optional field
  ["quantity at its minimum", { quantity: 1, packageID: 1, serviceArea: 1 }, []],
  ["serviceArea at the top of its enum", { ...byQuantity, serviceArea: 5 }, []],
  ["a large quantity", { ...byQuantity, quantity: 500 }, []],
  ["one number", byNumbers, []],
  ["reservations as one ID", { reservations: "BD929A2A-7F48-11E6-B908-52540029234D", ...base }, []],
  ["reservationID as an array", { reservationID: ["A", "B"], ...base }, []],
  ["a one-character reservation ID", { reservations: ["A"], ...base }, []],
  ["Email", { ...byQuantity, Email: "noc@example.com" }, []],
  ["Email with plus and subdomain", { ...byQuantity, Email: "noc+tf@mail.example.co.uk" }, []],
  ["myRespOrg false", { ...byQuantity, myRespOrg: false }, []],
  ["myRespOrg true", { ...byQuantity, myRespOrg: true }, []],
  ["Notes, even empty", { ...byQuantity, Notes: "" }, []],
  ["referenceID of one character", { ...byQuantity, referenceID: "P" }, []],
  ["an optional key left undefined (never sent)", { ...byQuantity, Email: undefined }, []],
  ["a float that is an integer", { ...byQuantity, packageID: 2.0 }, []],
  // the seed's templates
  ["packageID missing", { quantity: 1, serviceArea: 4 }, [["packageID", "The 'packageID' parameter is required."]]],
  ["serviceArea missing", { quantity: 1, packageID: 1 }, [["serviceArea", "The 'serviceArea' parameter is required."]]],
  ["Email as an array", { ...byQuantity, Email: ["a@b.co"] }, [["Email", "The 'Email' parameter must be scalar."]]],
  ["Notes as an object", { ...byQuantity, Notes: { text: "x" } }, [["Notes", "The 'Notes' parameter must be scalar."]]],
  [
    "packageID as an array",
    { ...byQuantity, packageID: [1] },
    [["packageID", "The 'packageID' parameter must be scalar."]],
  ],
  [
    "quantity as text",
    { ...byQuantity, quantity: "1" },
    [["quantity", "The 'quantity' parameter must be formatted as a(n) integer."]],
  ],
  [
    "quantity as a fraction",
    { ...byQuantity, quantity: 1.5 },
    [["quantity", "The 'quantity' parameter must be formatted as a(n) integer."]],
  ],
  [
    "serviceArea null",
    { ...byQuantity, serviceArea: null },
    [["serviceArea", "The 'serviceArea' parameter must be formatted as a(n) integer."]],
  ],
  [
    "referenceID as a number",
    { ...byQuantity, referenceID: 42 },
    [["referenceID", "The 'referenceID' parameter must be formatted as a(n) string."]],
  ],
  [
    "Notes as a boolean",
    { ...byQuantity, Notes: true },
    [["Notes", "The 'Notes' parameter must be formatted as a(n) string."]],
  ],
  [
    "myRespOrg as text",
    { ...byQuantity, myRespOrg: "yes" },
    [["myRespOrg", "The 'myRespOrg' parameter must be formatted as a(n) boolean."]],
  ],
  [
    "a number without number",
    { ...byNumbers, numbers: [{ countryCode: "1" }] },
    [["numbers[0].number", "The 'number' parameter is required for each Number object."]],
  ],
  [
    "a number without countryCode",
    { ...byNumbers, numbers: [item, { number: "8882223456" }] },
    [["numbers[1].countryCode", "The 'countryCode' parameter is required for each Number object."]],
  ],
  [
    "countryCode 44",
    { ...byNumbers, numbers: [{ ...item, countryCode: "44" }] },
    [["numbers[0].countryCode", "The 'countryCode' parameter must match one of the following values: 1"]],
  ],
  [
    "countryCode as a number",
    { ...byNumbers, numbers: [{ ...item, countryCode: 1 }] },
    [["numbers[0].countryCode", "The 'countryCode' parameter must be formatted as a(n) string."]],
  ],
  [
    "serviceArea 0",
    { ...byQuantity, serviceArea: 0 },
    [["serviceArea", "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5"]],
  ],
  [
    "serviceArea 6",
    { ...byQuantity, serviceArea: 6 },
    [["serviceArea", "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5"]],
  ],
  // rules the seed has no message for (ours)
  ["quantity 0", { ...byQuantity, quantity: 0 }, [["quantity", "The 'quantity' parameter must be at least 1."]]],
  ["packageID 0", { ...byQuantity, packageID: 0 }, [["packageID", "The 'packageID' parameter must be at least 1."]]],
  [
    "packageID negative",
    { ...byQuantity, packageID: -5 },
    [["packageID", "The 'packageID' parameter must be at least 1."]],
  ],
  [
    "referenceID empty",
    { ...byQuantity, referenceID: "" },
    [["referenceID", "The 'referenceID' parameter must not be empty."]],
  ],
  [
    "number with dashes",
    { ...byNumbers, numbers: [{ ...item, number: "888-222-3456" }] },
    [["numbers[0].number", "The 'number' parameter must match the pattern ^[0-9]{10}$"]],
  ],
  [
    "number of nine digits",
    { ...byNumbers, numbers: [{ ...item, number: "888222345" }] },
    [["numbers[0].number", "The 'number' parameter must match the pattern ^[0-9]{10}$"]],
  ],
  [
    "number of eleven digits",
    { ...byNumbers, numbers: [{ ...item, number: "18882223456" }] },
    [["numbers[0].number", "The 'number' parameter must match the pattern ^[0-9]{10}$"]],
  ],
  [
    "numbers empty",
    { ...byNumbers, numbers: [] },
    [["numbers", "The 'numbers' parameter must contain at least 1 item(s)."]],
  ],
  [
    "numbers as a string",
    { ...byNumbers, numbers: "8882223456" },
    [["numbers", "The 'numbers' parameter must be formatted as a(n) array."]],
  ],
  [
    "a number item that is a string",
    { ...byNumbers, numbers: ["8882223456"] },
    [["numbers[0]", "The 'numbers' parameter must be formatted as a(n) object."]],
  ],
  [
    "a number item with an extra key",
    { ...byNumbers, numbers: [{ ...item, type: "tf" }] },
    [["numbers[0].type", "The 'type' parameter is not recognised."]],
  ],
  [
    "reservations empty string",
    { reservations: "", ...base },
    [["reservations", "The 'reservations' parameter must not be empty."]],
  ],
  [
    "reservations empty array",
    { reservations: [], ...base },
    [["reservations", "The 'reservations' parameter must contain at least 1 item(s)."]],
  ],
  [
    "an empty reservation ID in the list",
    { reservationID: ["A", ""], ...base },
    [["reservationID[1]", "The 'reservationID' parameter must not be empty."]],
  ],
  [
    "a reservation ID that is a number",
    { reservations: [7], ...base },
    [["reservations[0]", "The 'reservations' parameter must be formatted as a(n) string."]],
  ],
  [
    "reservationID as a number",
    { reservationID: 7, ...base },
    [["reservationID", "The 'reservationID' parameter must be formatted as a(n) string or array."]],
  ],
  [
    "Email without a dot in the domain",
    { ...byQuantity, Email: "noc@example" },
    [["Email", "The 'Email' parameter must be formatted as a(n) email address."]],
  ],
  [
    "Email without @",
    { ...byQuantity, Email: "noc.example.com" },
    [["Email", "The 'Email' parameter must be formatted as a(n) email address."]],
  ],
  [
    "quantity and numbers",
    { ...byNumbers, quantity: 1 },
    [
      [
        "body",
        "The 'numbers', 'quantity' parameters are mutually exclusive; send only one of them.",
        ["numbers", "quantity"],
      ],
    ],
  ],
  [
    "both reservation keys",
    { reservations: "A", reservationID: "B", ...base },
    [
      [
        "body",
        "The 'reservations', 'reservationID' parameters are mutually exclusive; send only one of them.",
        ["reservations", "reservationID"],
      ],
    ],
  ],
  [
    "no order mode",
    base,
    [
      [
        "body",
        "One of the 'numbers', 'quantity', 'reservations', 'reservationID' parameters is required.",
        ["numbers", "quantity", "reservations", "reservationID"],
      ],
    ],
  ],
  [
    "a misspelt optional key",
    { ...byQuantity, emial: "noc@example.com" },
    [["emial", "The 'emial' parameter is not recognised. Did you mean 'Email'?"]],
  ],
  [
    "a lower-case Notes",
    { ...byQuantity, notes: "x" },
    [["notes", "The 'notes' parameter is not recognised. Did you mean 'Notes'?"]],
  ],
  [
    "an unknown key far from any",
    { ...byQuantity, colour: "red" },
    [["colour", "The 'colour' parameter is not recognised."]],
  ],
  [
    "a misspelt key of another order mode",
    { ...byQuantity, numbrs: [item] },
    [["numbrs", "The 'numbrs' parameter is not recognised."]],
  ],
  [
    "a misspelt order mode, and no other",
    { numbrs: [item], ...base },
    [
      [
        "body",
        "One of the 'numbers', 'quantity', 'reservations', 'reservationID' parameters is required.",
        ["numbers", "quantity", "reservations", "reservationID"],
      ],
      ["numbrs", "The 'numbrs' parameter is not recognised. Did you mean 'numbers'?"],
    ],
  ],
  [
    "a misspelt order mode",
    { Quantity: 1, ...base },
    [
      [
        "body",
        "One of the 'numbers', 'quantity', 'reservations', 'reservationID' parameters is required.",
        ["numbers", "quantity", "reservations", "reservationID"],
      ],
      ["Quantity", "The 'Quantity' parameter is not recognised. Did you mean 'quantity'?"],
    ],
  ],
  ["a body that is null", null, [["body", "The request body must be formatted as a(n) object."]]],
  ["a body that is an array", [byQuantity], [["body", "The request body must be formatted as a(n) object."]]],
  ["a body that is text", JSON.stringify(byQuantity), [["body", "The request body must be formatted as a(n) object."]]],
  [
    "every problem at once",
    { quantity: 0, numbers: [{}], serviceArea: "4", Email: [], referenceID: "" },
    [
      [
        "body",
        "The 'numbers', 'quantity' parameters are mutually exclusive; send only one of them.",
        ["numbers", "quantity"],
      ],
      ["packageID", "The 'packageID' parameter is required."],
      ["quantity", "The 'quantity' parameter must be at least 1."],
      ["numbers[0].countryCode", "The 'countryCode' parameter is required for each Number object."],
      ["numbers[0].number", "The 'number' parameter is required for each Number object."],
      ["serviceArea", "The 'serviceArea' parameter must be formatted as a(n) integer."],
      ["Email", "The 'Email' parameter must be scalar."],
      ["referenceID", "The 'referenceID' parameter must not be empty."],
    ],
  ],
];

describe("validateOrderRequest", () => {
  test.each(rows)("%s", (_name, body, errors) => {
    const result = validateOrderRequest(body);
    if (errors.length === 0) {
      expect(result).toEqual({ ok: true, value: body });
    } else {
      expect(result).toEqual({
        ok: false,
        errors: errors.map(([parameter, message, parameters]) => ({
          parameter,
          message,
          ...(parameters && { parameters }),
        })),
        omittedErrors: 0,
      });
    }
  });

  test.each(requestExamples("purchaseTollFreeNumbers"))("accepts the spec's example %s", (_name, example) => {
    expect(validateOrderRequest(example)).toEqual({ ok: true, value: example });
  });

  test("returns the very value it was given when valid", () => {
    const order = { ...byQuantity };
    const result = validateOrderRequest(order);
    expect(result.ok && result.value).toBe(order);
  });
});
