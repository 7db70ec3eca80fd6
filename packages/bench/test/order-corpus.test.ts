import { validateOrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { invalidOrders, validOrders } from "../src/order-corpus.js";
import { loadPurchaseExamples } from "../src/spec-examples.js";

const examples = loadPurchaseExamples();

describe("spec examples", () => {
  it("reads the purchase's named request examples and its success example from the bundled spec", () => {
    expect(examples.requests.map((request) => request.name)).toEqual(
      expect.arrayContaining(["orderSpecificNumbers", "orderByQuantity", "orderByNumbers", "orderWithEveryOption"]),
    );
    expect(examples.success).toMatchObject({ orderID: expect.any(Number), batches: expect.any(Array) });
  });
});

describe("order corpus", () => {
  it("builds valid orders as distinct copies that the validator accepts", () => {
    const orders = validOrders(examples, 10);
    expect(orders).toHaveLength(10);
    expect(orders[0]).not.toBe(orders[examples.requests.length]);
    for (const order of orders) expect(validateOrderRequest(order).ok).toBe(true);
  });

  it("builds invalid orders that the validator rejects", () => {
    const orders = invalidOrders(examples, 300);
    expect(orders).toHaveLength(300);
    const accepted = orders.filter((order) => validateOrderRequest(order).ok);
    expect(accepted).toEqual([]);
  });

  it("builds the same invalid orders on every run", () => {
    expect(invalidOrders(examples, 50)).toEqual(invalidOrders(examples, 50));
  });
});
