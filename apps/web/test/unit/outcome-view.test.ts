import type { OrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { describeOrder, explainRefusal } from "../../src/view/outcome-view.ts";

describe("describeOrder", () => {
  it("repeats every field of the order with the form's labels", () => {
    expect(
      describeOrder({
        numbers: [{ countryCode: "1", number: "8882223456" }],
        packageID: 1234567,
        serviceArea: 4,
        referenceID: "PO-1",
        Email: "noc@example.com",
        Notes: "After hours.",
        myRespOrg: true,
      }),
    ).toEqual([
      ["Numbers", "1 number: +1 888-222-3456"],
      ["Package ID", "1234567"],
      ["Service area", "4"],
      ["Reference ID", "PO-1"],
      ["Email", "noc@example.com"],
      ["Notes", "After hours."],
      ["myRespOrg", "yes: your own RespOrg"],
    ]);
  });

  it("counts a long list and cuts what it shows", () => {
    const numbers = Array.from({ length: 15 }, (_, index) => ({
      countryCode: "1" as const,
      number: `88822234${10 + index}`,
    }));
    const [row] = describeOrder({ numbers, packageID: 1, serviceArea: 1 });
    expect(row?.[1]).toMatch(/^15 numbers: \+1 888-222-3410, .*\+1 888-222-3421 and 3 more$/);
  });

  it.each<[OrderRequest, [string, string]]>([
    [{ quantity: 2, packageID: 1, serviceArea: 1 }, ["Quantity", "2 numbers"]],
    [{ reservations: ["A", "B"], packageID: 1, serviceArea: 1 }, ["Reservations", "2 reservations: A, B"]],
    [{ reservationID: "A", packageID: 1, serviceArea: 1 }, ["Reservations", "1 reservation: A"]],
  ])("describes the order mode of %j", (order, row) => {
    expect(describeOrder(order)[0]).toEqual(row);
  });
});

describe("explainRefusal", () => {
  it.each([
    [
      {
        kind: "trial-limit",
        limit: "trial-limit-exceeded",
        seats: 3,
        message: "Order too large; trial limit exceeded. Available: 3 seats.",
      },
      "The order asks for more numbers than your trial has left: 3 seats available. Order at most 3.",
    ],
    [
      {
        kind: "trial-limit",
        limit: "trial-limit-realized",
        seats: 10,
        message: "Order blocked; trial limit realized. Limit: 10 seats.",
      },
      "Your trial account has reached its limit of 10 seats.",
    ],
    [
      { kind: "trial-limit", limit: undefined, seats: undefined, message: "Trial over." },
      "A trial account's limit blocks this order.",
    ],
    [
      { kind: "sign-in-again", reason: "session-expired", message: "Session Expired" },
      "Your session expired (a token lasts 24 hours).",
    ],
    [
      { kind: "sign-in-again", reason: "unauthorized", message: "Unauthorized" },
      "The server did not accept the sign-in: Unauthorized",
    ],
  ] as const)("words %j for the person", (refusal, line) => {
    expect(explainRefusal(refusal).lines[0]).toBe(line);
  });

  it("keeps the server's words of a trial limit beside the desk's", () => {
    const message = "Order too large; trial limit exceeded. Available: 3 seats.";
    expect(explainRefusal({ kind: "trial-limit", limit: "trial-limit-exceeded", seats: 3, message }).lines).toContain(
      `The server said: ${message}`,
    );
  });
});
