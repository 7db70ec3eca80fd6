import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  ConnectionError,
  createTollFreeClient,
  type OrderRequest,
  TimeoutError,
  type TollFreeClientOptions,
  ValidationError,
} from "../src/index.js";
import { fakeApi, json } from "./helpers/fake-api.js";

const token = "tok-5f1c2d9e8b7a4c3f9e2d1b0a";
const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4 };
const accepted = json(200, { orderID: 1, batches: [] });

describe("timeoutMs that setTimeout cannot honour (it would fire at once) is refused", () => {
  const unusable = [Infinity, NaN, -5, 0, 1.5, 2 ** 31, "1000"];

  test.each(unusable)("by createTollFreeClient: %s", (timeoutMs) => {
    expect(() => createTollFreeClient({ token, timeoutMs } as unknown as TollFreeClientOptions)).toThrow(
      /timeoutMs must be a whole number of milliseconds from 1 to 2147483647/,
    );
  });

  test.each(unusable)("per call, as a ValidationError before anything is sent: %s", async (timeoutMs) => {
    const api = fakeApi(() => accepted);
    const client = createTollFreeClient({ token, baseUrl: "http://api.test", fetch: api.fetch });
    const error = await client
      .purchaseTollFreeNumbers(order, { timeoutMs: timeoutMs as number })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      { parameter: "timeoutMs", message: expect.stringMatching(/from 1 to 2147483647/) },
    ]);
    expect(api.calls).toEqual([]);
  });
});

describe("waiting for a token obeys the call's timeout and signal", () => {
  const hanging = () => new Promise<string>(() => undefined);

  test("a getToken that never settles: TimeoutError after timeoutMs, outcome known, nothing sent", async () => {
    const api = fakeApi(() => accepted);
    const client = createTollFreeClient({ getToken: hanging, baseUrl: "http://api.test", fetch: api.fetch });
    const started = Date.now();
    const error = await client.purchaseTollFreeNumbers(order, { timeoutMs: 100 }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: false });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(api.calls).toEqual([]);
  });

  test("the caller's abort while the token is awaited: ConnectionError, outcome known, nothing sent", async () => {
    const api = fakeApi(() => accepted);
    const client = createTollFreeClient({ getToken: hanging, baseUrl: "http://api.test", fetch: api.fetch });
    const controller = new AbortController();
    const purchase = client.purchaseTollFreeNumbers(order, { signal: controller.signal });
    controller.abort(new Error("user cancelled"));
    const error = await purchase.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: false, cause: new Error("user cancelled") });
    expect(api.calls).toEqual([]);
  });

  test("a signal aborted before the call: no login is attempted, so no password is sent", async () => {
    const api = fakeApi(() => json(200, { token }));
    const client = createTollFreeClient({
      credentials: { username: "u", password: "pw-long-secret" },
      baseUrl: "http://api.test",
      fetch: api.fetch,
    });
    await expect(client.purchaseTollFreeNumbers(order, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      ConnectionError,
    );
    expect(api.calls).toEqual([]);
  });
});

describe("createTollFreeClient refuses options it could only fail on later, without quoting secrets", () => {
  test.each<[string, Partial<TollFreeClientOptions>, RegExp]>([
    [
      "a base URL with a password",
      { baseUrl: "https://user:Hunter2Secret@api.test" },
      /baseUrl must not contain a user name or password/,
    ],
    ["a base URL that is not absolute", { baseUrl: "api.test/v3" }, /baseUrl is not an absolute URL/],
    ["a base URL that is not http(s)", { baseUrl: "ftp://api.test" }, /baseUrl must be http or https/],
    [
      "a header value with a line break",
      { headers: { "X-Trace": "a\nHunter2Secret" } },
      /the header "X-Trace" has a name or value that HTTP cannot carry/,
    ],
  ])("%s", (_name, options, message) => {
    const error = (() => {
      try {
        createTollFreeClient({ token, ...options } as TollFreeClientOptions);
      } catch (reason) {
        return reason;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(inspect(error)).not.toContain("Hunter2Secret");
  });

  test("an empty token beside credentials counts as not given, as in the exactly-one check", () => {
    expect(() =>
      createTollFreeClient({
        token: "",
        credentials: { username: "u", password: "pw-long-secret" },
      } as unknown as TollFreeClientOptions),
    ).not.toThrow();
  });

  test.each<[string, unknown, RegExp]>([
    ["an empty password", { username: "u", password: "" }, /credentials: The 'password' parameter must not be empty\./],
    ["a missing username", { password: "pw-long-secret" }, /credentials: The 'username' parameter is required\./],
  ])("credentials with %s (the spec's login rule)", (_name, credentials, message) => {
    expect(() => createTollFreeClient({ credentials } as TollFreeClientOptions)).toThrow(message);
  });
});
