import type { OrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { describeOrder } from "../../src/order/describe-order.js";

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
