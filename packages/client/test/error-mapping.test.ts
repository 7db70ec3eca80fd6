import { describe, expect, test } from "vitest";
import {
  AuthenticationError,
  createTollFreeClient,
  NotAcceptableError,
  type OrderRequest,
  PaymentRequiredError,
  TollFreeApiError,
  UnexpectedResponseError,
  UnprocessableEntityError,
} from "../src/index.js";
import { fakeApi, json } from "./helpers/fake-api.js";
import { listedStatuses, operation, responseExamples } from "./helpers/spec.js";

const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4 };
const purchasePath = operation("purchaseTollFreeNumbers").path;

function clientAnswering(response: () => Response) {
  const api = fakeApi(response);
  const client = createTollFreeClient({ token: "tok-123", baseUrl: "http://api.test", fetch: api.fetch });
  return { api, client };
}

async function failure(promise: Promise<unknown>): Promise<TollFreeApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TollFreeApiError)) throw new Error(`expected a TollFreeApiError, got ${String(error)}`);
  return error;
}

// What each named example of the spec must become; the test below fails if the spec gains an example
// that is missing here.
const expected: Record<
  string,
  { type: new (...args: never[]) => TollFreeApiError; code: string; fields?: Record<string, unknown> }
> = {
  unauthorized: { type: AuthenticationError, code: "unauthorized", fields: { reason: "unauthorized" } },
  sessionExpired: { type: AuthenticationError, code: "session-expired", fields: { reason: "session-expired" } },
  trialLimitRealized: {
    type: PaymentRequiredError,
    code: "payment-required",
    fields: { kind: "trial-limit-realized", seats: 10 },
  },
  trialLimitExceeded: {
    type: PaymentRequiredError,
    code: "payment-required",
    fields: { kind: "trial-limit-exceeded", seats: 3 },
  },
  notAcceptable: { type: NotAcceptableError, code: "not-acceptable" },
  packageIdRequired: {
    type: UnprocessableEntityError,
    code: "unprocessable-entity",
    fields: { parameter: "packageID" },
  },
  notScalar: { type: UnprocessableEntityError, code: "unprocessable-entity", fields: { parameter: "Email" } },
  notInteger: { type: UnprocessableEntityError, code: "unprocessable-entity", fields: { parameter: "quantity" } },
  notString: { type: UnprocessableEntityError, code: "unprocessable-entity", fields: { parameter: "referenceID" } },
  numberRequired: { type: UnprocessableEntityError, code: "unprocessable-entity", fields: { parameter: "number" } },
  countryCodeRequired: {
    type: UnprocessableEntityError,
    code: "unprocessable-entity",
    fields: { parameter: "countryCode" },
  },
  countryCodeInvalid: {
    type: UnprocessableEntityError,
    code: "unprocessable-entity",
    fields: { parameter: "countryCode" },
  },
  serviceAreaInvalid: {
    type: UnprocessableEntityError,
    code: "unprocessable-entity",
    fields: { parameter: "serviceArea" },
  },
};

const examples = responseExamples("purchaseTollFreeNumbers");
const errorExamples = examples.filter(([status]) => status >= 400);

describe("purchase responses map to the spec's meaning", () => {
  test("every error example of the spec is covered", () => {
    expect(errorExamples.map(([, name]) => name).sort()).toEqual(Object.keys(expected).sort());
  });

  test.each(examples.filter(([status]) => status < 300))(
    "%i %s resolves to the order",
    async (status, _name, example) => {
      const { api, client } = clientAnswering(() => json(status, example));
      await expect(client.purchaseTollFreeNumbers(order)).resolves.toEqual(example);
      expect(api.calls).toHaveLength(1);
      expect(api.calls[0]).toMatchObject({ method: "POST", body: order });
      expect(new URL(api.calls[0]!.url).pathname).toBe(purchasePath);
      expect(api.calls[0]!.headers.get("authorization")).toBe("tok-123");
      expect(api.calls[0]!.headers.get("accept")).toBe("application/json");
    },
  );

  test.each(errorExamples)("%i %s throws its class, once", async (status, name, example) => {
    const { api, client } = clientAnswering(() => json(status, example, { "x-request-id": "r-1" }));
    const error = await failure(client.purchaseTollFreeNumbers(order));
    const want = expected[name]!;
    expect(error).toBeInstanceOf(want.type);
    expect(error).toMatchObject({
      status,
      code: want.code,
      message: (example as { error: string }).error,
      body: example,
      ...want.fields,
    });
    expect(error.headers?.get("x-request-id")).toBe("r-1");
    expect(api.calls).toHaveLength(1);
  });

  test("the spec lists exactly the statuses mapped to classes", () => {
    expect(listedStatuses("purchaseTollFreeNumbers").sort()).toEqual([200, 401, 402, 406, 422]);
  });
});

describe("responses the spec does not describe", () => {
  const cases: [name: string, response: () => Response, outcomeUnknown: boolean, why: RegExp][] = [
    ["an unlisted 4xx (404)", () => json(404, { code: 404, error: "Not Found" }), false, /lists no such status/],
    [
      "an unlisted 4xx (429)",
      () => json(429, { code: 429, error: "Too Many Requests" }),
      false,
      /lists no such status/,
    ],
    ["a 500", () => json(500, { code: 500, error: "Internal Server Error" }), true, /lists no such status/],
    ["a 503 with an empty body", () => new Response("", { status: 503 }), true, /body is empty/],
    [
      "an HTML 502 page",
      () => new Response("<html><h1>502 Bad Gateway</h1></html>", { status: 502 }),
      true,
      /not JSON/,
    ],
    [
      "a 200 with the wrong shape",
      () => json(200, { order: 1 }),
      true,
      /breaks the spec: The 'orderID' parameter is required/,
    ],
    [
      "a 200 with a text orderID",
      () => json(200, { orderID: "287225", batches: [] }),
      true,
      /orderID' parameter must be formatted as a\(n\) integer/,
    ],
    [
      "a 200 with a batch missing its ID",
      () => json(200, { orderID: 1, batches: [{}] }),
      true,
      /'batchID' parameter is required for each Batch object/,
    ],
    ["a 200 with truncated JSON", () => new Response('{"orderID": 2872', { status: 200 }), true, /not JSON/],
    ["a 200 with an empty body", () => new Response(null, { status: 200 }), true, /body is empty/],
    [
      "a 401 whose body breaks the error schema",
      () => json(401, { code: 500, error: "Unauthorized" }),
      false,
      /breaks the spec/,
    ],
    ["a 422 that is not JSON", () => new Response("Unprocessable", { status: 422 }), false, /not JSON/],
  ];

  test.each(cases)("%s → UnexpectedResponseError, one request", async (_name, response, outcomeUnknown, why) => {
    const { api, client } = clientAnswering(response);
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ code: "unexpected-response", outcomeUnknown, status: response().status });
    expect(error.message).toMatch(why);
    expect(error.message.includes("check your orders before re-submitting")).toBe(outcomeUnknown);
    expect(api.calls).toHaveLength(1);
  });

  test("keeps a short excerpt of a body that is not JSON", async () => {
    const page = `<html>${"x".repeat(5000)}</html>`;
    const { client } = clientAnswering(() => new Response(page, { status: 502 }));
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error.body).toBe(page.slice(0, 200));
  });
});

describe("login responses", () => {
  const login = operation("authenticate").path;
  test.each(responseExamples("authenticate"))("%i %s", async (status, _name, example) => {
    const api = fakeApi(() => json(status, example));
    const client = createTollFreeClient({
      credentials: { username: "u", password: "p" },
      baseUrl: "http://api.test",
      fetch: api.fetch,
    });
    if (status === 200) {
      await expect(client.authenticate()).resolves.toBe((example as { token: string }).token);
    } else {
      const error = await failure(client.authenticate());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status, reason: "unauthorized", body: example });
    }
    expect(api.callsTo(login)).toHaveLength(1);
    expect(api.calls[0]!.body).toEqual({ username: "u", password: "p" });
    expect(api.calls[0]!.headers.has("authorization")).toBe(false);
  });

  test("a login answer without a token is unexpected", async () => {
    const api = fakeApi(() => json(200, { token: "" }));
    const client = createTollFreeClient({
      credentials: { username: "u", password: "p" },
      baseUrl: "http://api.test",
      fetch: api.fetch,
    });
    expect(await failure(client.authenticate())).toBeInstanceOf(UnexpectedResponseError);
  });
});
