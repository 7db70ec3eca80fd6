import { describe, expect, it } from "vitest";
import { formatOrderSummary } from "../../src/output/format-order-summary.js";

describe("formatOrderSummary", () => {
  it.each([
    [
      "three batches",
      { orderID: 287225, batches: [{ batchID: 31458 }, { batchID: 31460 }, { batchID: 31462 }] },
      "Order accepted.\n  order ID:  287225\n  batch IDs: 31458, 31460, 31462\n",
    ],
    ["no batches", { orderID: 1, batches: [] }, "Order accepted.\n  order ID:  1\n  batch IDs: (none)\n"],
  ])("%s", (_name, order, want) => {
    expect(formatOrderSummary(order)).toBe(want);
  });
});
