import { describe, expectTypeOf, test } from "vitest";
import type { components, Order, OrderRequest, TollFreeClient } from "../src/index.js";
import { createTollFreeClient, validateOrderRequest } from "../src/index.js";
import { createRawClient } from "../src/raw.js";

// Type-level tests, run by `vitest --typecheck` (and `tsc` in npm run typecheck): each @ts-expect-error line must not
// compile, and a line that would compile fails the run.
const item = { countryCode: "1", number: "8882223456" } as const;

describe("OrderRequest is exclusive at compile time", () => {
  test("each order mode alone compiles, optional fields stay optional", () => {
    const orders: OrderRequest[] = [
      { quantity: 1, packageID: 1, serviceArea: 4 },
      { numbers: [item], packageID: 1, serviceArea: 4 },
      { reservations: "A", packageID: 1, serviceArea: 4 },
      {
        reservationID: ["A", "B"],
        packageID: 1,
        serviceArea: 4,
        Email: "a@b.co",
        myRespOrg: true,
        Notes: "n",
        referenceID: "r",
      },
    ];
    void orders; // the check is that the literal above compiles
  });

  test("two order modes, or none, do not compile", () => {
    // @ts-expect-error quantity and numbers together
    const both: OrderRequest = { quantity: 1, numbers: [item], packageID: 1, serviceArea: 4 };
    // @ts-expect-error both reservation keys
    const twoKeys: OrderRequest = { reservations: "A", reservationID: "B", packageID: 1, serviceArea: 4 };
    // @ts-expect-error no order mode
    const none: OrderRequest = { packageID: 1, serviceArea: 4 };
    // @ts-expect-error serviceArea outside the spec's enum
    const area: OrderRequest = { quantity: 1, packageID: 1, serviceArea: 9 };
    // @ts-expect-error packageID missing
    const noPackage: OrderRequest = { quantity: 1, serviceArea: 4 };
    // @ts-expect-error an unknown key
    const unknown: OrderRequest = { quantity: 1, packageID: 1, serviceArea: 4, emial: "a@b.co" };
    void [both, twoKeys, none, area, noPackage, unknown]; // the checks are the @ts-expect-error lines
  });

  test("a field with a default (myRespOrg) is optional in the generated types", () => {
    expectTypeOf<components["schemas"]["OrderByQuantity"]>().toHaveProperty("myRespOrg");
    expectTypeOf<undefined>().toExtend<components["schemas"]["OrderByQuantity"]["myRespOrg"]>();
  });
});

describe("the public API's types", () => {
  test("a purchase resolves to the generated Order", () => {
    expectTypeOf<ReturnType<TollFreeClient["purchaseTollFreeNumbers"]>>().toEqualTypeOf<Promise<Order>>();
    expectTypeOf<Order["orderID"]>().toEqualTypeOf<number>();
    expectTypeOf<Order["batches"][number]["batchID"]>().toEqualTypeOf<number>();
  });

  test("a valid verdict narrows to OrderRequest", () => {
    const result = validateOrderRequest({});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<OrderRequest>();
    else expectTypeOf(result.errors[0]!.parameter).toEqualTypeOf<string>();
  });

  test("exactly one way to authenticate", () => {
    const fetch = async () => new Response();
    // @ts-expect-error token and credentials together
    const both = () => createTollFreeClient({ token: "t", credentials: { username: "u", password: "p" }, fetch });
    // @ts-expect-error no way to authenticate
    const none = () => createTollFreeClient({ fetch });
    void [both, none]; // the checks are the @ts-expect-error lines
  });

  test("the raw client is openapi-fetch typed with the spec's paths", () => {
    const raw = createRawClient({ token: "t", fetch: async () => new Response() });
    const call = () => raw.POST("/_rest/v3/my/tf/orders", { body: { quantity: 1, packageID: 1, serviceArea: 4 } });
    type Data = Awaited<ReturnType<typeof call>>["data"];
    expectTypeOf<Data>().toEqualTypeOf<Order | undefined>();
    // @ts-expect-error a path the spec does not have
    const missing = () => raw.POST("/_rest/v3/my/tf/nope", { body: {} });
    void missing; // the check is the @ts-expect-error line
  });
});
