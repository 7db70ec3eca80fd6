import { describe, expect, test } from "vitest";
import { AuthenticationError, createTollFreeClient, type OrderRequest, ValidationError } from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import { authServer } from "./helpers/auth-server.js";

const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4 };
const credentials = { username: "api-user", password: "s3cret-pass" };
const baseUrl = "http://api.test";

function withCredentials(server = authServer()) {
  return { server, client: createTollFreeClient({ credentials, baseUrl, fetch: server.fetch }) };
}

describe("credentials: login, cache and single flight", () => {
  test("logs in once and reuses the token", async () => {
    const { server, client } = withCredentials();
    await client.purchaseTollFreeNumbers(order);
    await client.purchaseTollFreeNumbers(order);
    expect(server.logins()).toBe(1);
    expect(server.purchases().map((call) => call.headers.get("authorization"))).toEqual(["token-1", "token-1"]);
    expect(server.api.calls[0]!.body).toEqual(credentials);
  });

  test("parallel authenticate() calls share one login", async () => {
    const { server, client } = withCredentials();
    const tokens = await Promise.all(Array.from({ length: 5 }, () => client.authenticate()));
    expect(new Set(tokens)).toEqual(new Set(["token-1"]));
    expect(server.logins()).toBe(1);
  });

  test("Session Expired: logs in again once and resends once", async () => {
    const { server, client } = withCredentials();
    await client.authenticate();
    server.expireAll();
    await expect(client.purchaseTollFreeNumbers(order)).resolves.toMatchObject({ orderID: expect.any(Number) });
    expect(server.logins()).toBe(2);
    expect(server.purchases().map((call) => call.headers.get("authorization"))).toEqual(["token-1", "token-2"]);
  });

  test("ten parallel purchases on an expired token cause exactly one login", async () => {
    const { server, client } = withCredentials();
    await client.authenticate();
    server.expireAll();
    const orders = await Promise.all(Array.from({ length: 10 }, () => client.purchaseTollFreeNumbers(order)));
    expect(orders).toHaveLength(10);
    expect(server.logins()).toBe(2);
    expect(server.purchases()).toHaveLength(20);
    expect(server.purchases().filter((call) => call.headers.get("authorization") === "token-2")).toHaveLength(10);
  });

  test("a second Session Expired is thrown, after exactly one retry", async () => {
    const server = authServer();
    const client = createTollFreeClient({
      credentials,
      baseUrl,
      fetch: async (request) => {
        const response = await server.fetch(request);
        server.expireAll(); // every token is stale as soon as it is issued
        return response;
      },
    });
    const error = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ reason: "session-expired", status: 401 });
    expect(server.purchases()).toHaveLength(2);
    expect(server.logins()).toBe(2);
  });

  test("plain Unauthorized is not retried", async () => {
    const server = authServer();
    const client = createTollFreeClient({ token: "token-the-server-never-issued", baseUrl, fetch: server.fetch });
    const error = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ reason: "unauthorized", status: 401 });
    expect(server.purchases()).toHaveLength(1);
    expect(server.logins()).toBe(0);
  });

  test("a plain Unauthorized on a purchase: logs in again once and resends once (the vendor's advice on any 401)", async () => {
    let reject = true;
    const server = authServer();
    const client = createTollFreeClient({
      credentials,
      baseUrl,
      fetch: async (request) => {
        if (reject && new URL(request.url).pathname.endsWith("/orders")) {
          reject = false;
          await request.text();
          return Response.json({ code: 401, error: "Unauthorized" }, { status: 401 });
        }
        return server.fetch(request);
      },
    });
    await expect(client.purchaseTollFreeNumbers(order)).resolves.toMatchObject({ orderID: expect.any(Number) });
    expect(server.logins()).toBe(2);
    expect(server.purchases().map((call) => call.headers.get("authorization"))).toEqual(["token-2"]);
  });

  test("a failed login sends no purchase and is not cached", async () => {
    const server = authServer({ password: "other" });
    const client = createTollFreeClient({ credentials, baseUrl, fetch: server.fetch });
    await expect(client.purchaseTollFreeNumbers(order)).rejects.toMatchObject({ reason: "unauthorized", status: 401 });
    await expect(client.authenticate()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.purchases()).toHaveLength(0);
    expect(server.logins()).toBe(2);
  });
});

describe("token and getToken", () => {
  test("a fixed token is sent as is, never renewed", async () => {
    const server = authServer();
    server.issue("fixed-token");
    const client = createTollFreeClient({ token: "fixed-token", baseUrl, fetch: server.fetch });
    await client.purchaseTollFreeNumbers(order);
    server.expireAll();
    await expect(client.purchaseTollFreeNumbers(order)).rejects.toMatchObject({ reason: "session-expired" });
    expect(server.purchases()).toHaveLength(2);
    expect(server.logins()).toBe(0);
    await expect(client.authenticate()).resolves.toBe("fixed-token");
  });

  test("getToken is called once, then once more for ten parallel purchases after expiry", async () => {
    const server = authServer();
    let calls = 0;
    const getToken = async () => {
      const token = `from-vault-${++calls}`;
      server.issue(token);
      return token;
    };
    const client = createTollFreeClient({ getToken, baseUrl, fetch: server.fetch });
    await client.purchaseTollFreeNumbers(order);
    await client.purchaseTollFreeNumbers(order);
    expect(calls).toBe(1);
    server.expireAll();
    await Promise.all(Array.from({ length: 10 }, () => client.purchaseTollFreeNumbers(order)));
    expect(calls).toBe(2);
    expect(server.purchases()).toHaveLength(22);
  });

  test("getToken resolving to nothing fails before anything is sent", async () => {
    const server = authServer();
    const client = createTollFreeClient({ getToken: async () => "", baseUrl, fetch: server.fetch });
    const error = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      reason: "no-token",
      status: undefined,
      message: expect.stringMatching(
        /^The value getToken\(\) resolved to is not a token a header can carry .*nothing was sent/,
      ),
    });
    expect(server.api.calls).toHaveLength(0);
  });

  test.each([
    ["none", {}],
    ["an empty token", { token: "" }],
    ["token and getToken", { token: "t", getToken: async () => "t" }],
    ["token and credentials", { token: "t", credentials }],
  ])("options with %s are refused", (_name, auth) => {
    expect(() => createTollFreeClient({ ...(auth as { token: string }), baseUrl })).toThrow(
      /exactly one of `token`, `getToken` or `credentials`/,
    );
  });
});

describe("what every request carries", () => {
  test("an invalid order sends nothing, not even a login", async () => {
    const { server, client } = withCredentials();
    const invalid = { quantity: 0, packageID: 1, serviceArea: 4 } as OrderRequest;
    const error = await client.purchaseTollFreeNumbers(invalid).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      status: 422,
      code: "validation",
      errors: [{ parameter: "quantity", message: "The 'quantity' parameter must be at least 1." }],
    });
    expect(server.api.calls).toHaveLength(0);
  });

  test("headers, userAgent and baseUrl are applied; the raw client sends the token", async () => {
    const server = authServer();
    server.issue("t-1");
    const client = createTollFreeClient({
      token: "t-1",
      baseUrl: "http://other.test/",
      fetch: server.fetch,
      headers: { "X-Trace": "abc" },
      userAgent: "tf-cli/1.0",
    });
    await client.purchaseTollFreeNumbers(order);
    const raw = createRawClient({
      token: "t-1",
      baseUrl: "http://other.test/",
      fetch: server.fetch,
      headers: { "X-Trace": "abc" },
      userAgent: "tf-cli/1.0",
    });
    const { data } = await raw.POST("/_rest/v3/my/tf/orders", { body: order });
    expect(data).toMatchObject({ orderID: expect.any(Number) });
    for (const call of server.purchases()) {
      expect(new URL(call.url).origin).toBe("http://other.test");
      expect(call.headers.get("x-trace")).toBe("abc");
      expect(call.headers.get("user-agent")).toBe("tf-cli/1.0");
      expect(call.headers.get("authorization")).toBe("t-1");
      expect(call.headers.get("content-type")).toBe("application/json");
    }
  });

  test("the default base URL is the spec's production server", async () => {
    const { spec } = await import("./helpers/spec.js");
    const server = authServer();
    server.issue("a-token");
    const client = createTollFreeClient({ token: "a-token", fetch: server.fetch });
    await client.purchaseTollFreeNumbers(order);
    expect(new URL(server.purchases()[0]!.url).origin).toBe(spec.servers[0]!.url);
  });
});
