import { validateOrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import {
  type DraftInput,
  fieldOf,
  maxListLines,
  newReferenceId,
  readDraft,
  readNumbers,
  readReservations,
} from "../../src/order-draft.ts";

const blank: DraftInput = {
  mode: "numbers",
  numbers: "",
  quantity: "",
  reservations: "",
  packageID: "1234567",
  serviceArea: "4",
  Email: "",
  Notes: "",
  myRespOrg: false,
  referenceID: "PO-2026-0042",
};

/** The message validateOrderRequest gives for a body, so the tests hold the validator's words, not copies. */
const validatorSays = (body: unknown) => {
  const verdict = validateOrderRequest(body);
  if (verdict.ok) throw new Error("expected the validator to refuse this body");
  return verdict.errors.map((issue) => issue.message);
};

describe("readNumbers", () => {
  it("reads every common format, one per line, skipping blank lines", () => {
    const { items, lineOf, problems } = readNumbers(
      "+1 888 222 3456\n\n1-888-222-3457\r\n(888) 222-3458\n8882223459\n  +18002223460  \n888.222.3461",
    );
    expect(problems).toEqual([]);
    expect(items.map((item) => item.number)).toEqual([
      "8882223456",
      "8882223457",
      "8882223458",
      "8882223459",
      "8002223460",
      "8882223461",
    ]);
    expect(items.every((item) => item.countryCode === "1")).toBe(true);
    expect(lineOf).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it("drops the quotes and trailing separators of a CSV or JSON paste", () => {
    expect(readNumbers("\"+18882223456\",\n'8882223457';").items.map((item) => item.number)).toEqual([
      "8882223456",
      "8882223457",
    ]);
  });

  it.each([
    ["a line that is not a number", "8882223456\nhello", /^Line 2: 'hello' is not a North American number/],
    ["a vanity number", "1-800-FLOWERS", /^Line 1: '1-800-FLOWERS' is not a North American number/],
    ["a number that is not toll-free", "\n\n212-555-0123", /^Line 3: '212-555-0123' is not a toll-free number/],
    ["a number listed twice", "888-222-3456\n+1 888 222 3456", /^Line 2: '\+1 888 222 3456' repeats line 1\.$/],
  ])("names the line of %s", (_name, text, message) => {
    const { problems } = readNumbers(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("refuses a list longer than the desk takes, saying so", () => {
    const { items, problems } = readNumbers("8882223456\n".repeat(maxListLines + 1));
    expect(items).toEqual([]);
    expect(problems).toEqual([
      `The list has ${maxListLines + 2} lines; the desk takes at most ${maxListLines}. Split it.`,
    ]);
  });
});

describe("readReservations", () => {
  it("splits on lines, commas, semicolons and spaces, and flags a repeated ID", () => {
    expect(readReservations("A-1\nB-2, C-3;D-4  A-1\n")).toEqual({
      ids: ["A-1", "B-2", "C-3", "D-4"],
      problems: ["'A-1' is listed twice."],
    });
  });
});

describe("readDraft", () => {
  it("builds the order of each mode, and only the keys that were filled", () => {
    expect(readDraft({ ...blank, numbers: "888-222-3456" }).order).toEqual({
      numbers: [{ countryCode: "1", number: "8882223456" }],
      packageID: 1234567,
      serviceArea: 4,
      referenceID: "PO-2026-0042",
    });
    expect(readDraft({ ...blank, mode: "quantity", quantity: " 2 ", numbers: "ignored" }).order).toEqual({
      quantity: 2,
      packageID: 1234567,
      serviceArea: 4,
      referenceID: "PO-2026-0042",
    });
    expect(
      readDraft({
        ...blank,
        mode: "reservations",
        reservations: "BD929A2A-7F48-11E6-B908-52540029234D",
        Email: " noc@example.com ",
        Notes: "Port after activation.",
        myRespOrg: true,
      }).order,
    ).toEqual({
      reservations: ["BD929A2A-7F48-11E6-B908-52540029234D"],
      packageID: 1234567,
      serviceArea: 4,
      Email: "noc@example.com",
      Notes: "Port after activation.",
      myRespOrg: true,
      referenceID: "PO-2026-0042",
    });
  });

  it.each([
    ["packageID", { packageID: "12x" }, { packageID: "12x" }],
    ["packageID", { packageID: "" }, {}],
    ["packageID", { packageID: "0" }, { packageID: 0 }],
    ["serviceArea", { serviceArea: "" }, {}],
    ["Email", { Email: "not-an-address" }, { Email: "not-an-address" }],
    ["quantity", { mode: "quantity", quantity: "1.5" }, { quantity: "1.5" }],
    ["numbers", { numbers: "" }, { numbers: [] }],
  ] as const)("puts the validator's own message for %s under that field (%j)", (field, change, bodyChange) => {
    const input = { ...blank, numbers: "8882223456", ...change } as DraftInput;
    const draft = readDraft(input);
    const body: Record<string, unknown> = {
      ...(input.mode === "numbers" ? { numbers: [{ countryCode: "1", number: "8882223456" }] } : {}),
      packageID: 1234567,
      serviceArea: 4,
      referenceID: "PO-2026-0042",
    };
    for (const key of Object.keys(change)) if (key !== "mode") delete body[key];
    Object.assign(body, bodyChange);
    expect(draft.order).toBeUndefined();
    expect(draft.body).toEqual(body);
    expect(draft.problems).toEqual({ [field]: validatorSays(body) });
  });

  it("puts a missing order mode's message under the active tab's field", () => {
    const draft = readDraft({ ...blank, mode: "quantity" });
    expect(draft.problems).toEqual({ quantity: validatorSays({ packageID: 1234567, serviceArea: 4 }) });
  });

  it("refuses digits a browser cannot send exactly, instead of sending another number", () => {
    const draft = readDraft({ ...blank, numbers: "8882223456", packageID: "12345678901234567890" });
    expect(draft.order).toBeUndefined();
    expect(draft.body).not.toHaveProperty("packageID");
    expect(draft.problems).toEqual({
      packageID: [
        "The 'packageID' parameter is too large: the largest whole number a browser sends exactly is 9007199254740991.",
      ],
    });
  });

  it("needs a reference ID, so an unknown outcome can always be traced", () => {
    const draft = readDraft({ ...blank, numbers: "8882223456", referenceID: "  " });
    expect(draft.order).toBeUndefined();
    expect(draft.problems.referenceID?.[0]).toMatch(/^The desk needs a reference ID/);
  });

  it("keeps the line errors of a list and does not send its bad lines", () => {
    const draft = readDraft({ ...blank, numbers: "8882223456\n12345" });
    expect(draft.order).toBeUndefined();
    expect(draft.body.numbers).toEqual([{ countryCode: "1", number: "8882223456" }]);
    expect(draft.problems.numbers).toEqual([expect.stringMatching(/^Line 2: '12345' is not a North American number/)]);
  });
});

describe("fieldOf", () => {
  it.each([
    ["packageID", "packageID"],
    ["numbers[3].number", "numbers"],
    ["countryCode", "numbers"],
    ["number", "numbers"],
    ["reservationID", "reservations"],
    ["reservations[0]", "reservations"],
    ["body", "quantity"],
    ["Email", "Email"],
    ["emial", undefined],
  ])("maps %s to %s", (parameter, field) => {
    expect(fieldOf(parameter, "quantity")).toBe(field);
  });
});

describe("newReferenceId", () => {
  it("stamps the UTC date and time, then four unambiguous random characters", () => {
    expect(newReferenceId(new Date("2026-12-02T05:51:39Z"), new Uint8Array([0, 1, 31, 32]))).toBe(
      "TFD-20261202-0551-AB9A",
    );
  });

  it("takes the time and randomness of the machine by default", () => {
    const before = newReferenceId(new Date(), new Uint8Array(4)).slice(0, 17);
    expect(newReferenceId()).toMatch(new RegExp(`^${before}-[A-HJ-NP-Z2-9]{4}$`));
  });
});
