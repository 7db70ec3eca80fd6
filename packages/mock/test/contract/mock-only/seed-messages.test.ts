import { type OrderRequest, UnprocessableEntityError, validateOrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { contractClient } from "../support/contract-client.ts";
import { contractTarget } from "../support/contract-target.ts";
import { requestExamples, responseExamples } from "../support/purchase-examples.ts";
import { rawAuthorization } from "../support/raw-authorization.ts";
import { postOrderRaw } from "../support/raw-order.ts";

type Order = Record<string, unknown>;
type NumberItem = Record<string, unknown>;

/**
 * The 422 message templates of the vendor's page (the seed), each with a way to break exactly that rule of a
 * valid order for the parameter a message names. The spec's 422 examples are these templates filled in.
 */
const seedTemplates: { template: string; pattern: RegExp; breakOrder: (order: Order, name: string) => void }[] = [
  {
    template: "The '%s' parameter is required.",
    pattern: /^The '(\w+)' parameter is required\.$/,
    breakOrder: (order, name) => delete order[name],
  },
  {
    template: "The '%s' parameter must be scalar.",
    pattern: /^The '(\w+)' parameter must be scalar\.$/,
    breakOrder: (order, name) => (order[name] = [order[name]]),
  },
  {
    template: "The '%s' parameter must be formatted as a(n) integer.",
    pattern: /^The '(\w+)' parameter must be formatted as a\(n\) integer\.$/,
    breakOrder: (order, name) => (order[name] = "one"),
  },
  {
    template: "The '%s' parameter must be formatted as a(n) string.",
    pattern: /^The '(\w+)' parameter must be formatted as a\(n\) string\.$/,
    breakOrder: (order, name) => (order[name] = 42),
  },
  {
    template: "The '%' parameter is required for each Number object.",
    pattern: /^The '(\w+)' parameter is required for each Number object\.$/,
    breakOrder: (order, name) => delete firstNumber(order)[name],
  },
  {
    template: "The 'countryCode' / 'serviceArea' parameter must match one of the following values: …",
    pattern: /^The '(\w+)' parameter must match one of the following values: (.+)$/,
    breakOrder: (order, name) => {
      const holder = name in order ? order : firstNumber(order);
      // A value of the allowed values' own type (a string for countryCode, an integer for serviceArea).
      holder[name] = typeof holder[name] === "string" ? "2" : 6;
    },
  },
];

function firstNumber(order: Order): NumberItem {
  const [item] = order.numbers as NumberItem[];
  if (item === undefined) throw new Error("the order has no numbers item");
  return item;
}

/** A copy of the first request example that sends `name` (at the top, or in its numbers), to break. */
function orderWith(name: string): Order {
  const found = requestExamples().find(([, order]) => {
    const value = order as Order;
    return name in value || (Array.isArray(value.numbers) && name in (value.numbers[0] as NumberItem));
  });
  if (found === undefined) throw new Error(`no request example sends '${name}'`);
  return structuredClone(found[1]) as Order;
}

const target = contractTarget();
const examples = responseExamples(422).map(([example, body]) => ({ example, body: body as { error: string } }));

describe("every 422 message of the vendor's page, for an order that breaks exactly that rule", () => {
  it("the spec's 422 examples fill in every template of the seed, each example exactly one", () => {
    const matches = examples.map(({ body }) => seedTemplates.filter(({ pattern }) => pattern.test(body.error)));
    expect(matches.map((found) => found.length)).toEqual(examples.map(() => 1));
    expect(seedTemplates.filter((template) => !matches.some((found) => found.includes(template)))).toEqual([]);
  });

  for (const { example, body } of examples) {
    const seed = seedTemplates.find(({ pattern }) => pattern.test(body.error));
    const name = seed?.pattern.exec(body.error)?.[1] ?? "";
    const broken = orderWith(name);
    seed?.breakOrder(broken, name);

    it(`${example}: the mock answers exactly ${JSON.stringify(body)}`, async () => {
      // The rule table finds this problem first, so the order breaks this rule alone.
      const verdict = validateOrderRequest(broken);
      expect(!verdict.ok && verdict.errors[0]?.message).toBe(body.error);
      const response = await postOrderRaw(target.url, broken, {
        ...(await rawAuthorization(target)),
        accept: "application/json",
      });
      expect(response.status).toBe(422);
      expect(response.body).toEqual(body);
    });

    it(`${example}: the client raises UnprocessableEntityError naming '${name}'`, async () => {
      // Past the client's own validation, as an order built by another tool would arrive.
      const client = contractClient(target, {
        fetch: (request: Request) => fetch(new Request(request, { body: JSON.stringify(broken) })),
      });
      const error = await client.purchaseTollFreeNumbers(orderWith("packageID") as OrderRequest).then(
        () => expect.fail("the purchase succeeded"),
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      const refused = error as UnprocessableEntityError;
      expect(refused.message).toBe(body.error);
      expect(refused.parameter).toBe(name);
      expect(refused.body).toEqual(body);
    });
  }
});
