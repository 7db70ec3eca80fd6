import { describe, expect, test } from "vitest";
import {
  ConnectionError,
  createTollFreeClient,
  type OrderRequest,
  UnexpectedResponseError,
  ValidationError,
} from "../src/index.js";
import { fakeApi, json } from "./helpers/fake-api.js";
import { type Fault, startFaultServer } from "./helpers/fault-server.js";

const token = "tok-5f1c2d9e8b7a4c3f9e2d1b0a";
const accepted = { orderID: 1, batches: [{ batchID: 2 }] };
const order = (): OrderRequest => ({ quantity: 1, packageID: 1234567, serviceArea: 4 });

describe("what is sent is what was validated", () => {
  test("changing the order after the call cannot change the purchase", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi(() => json(200, accepted));
    // The token arrives later, so the order object is changed while the call waits for it.
    const client = createTollFreeClient({
      getToken: () => gate.then(() => token),
      baseUrl: "http://api.test",
      fetch: api.fetch,
    });
    const mutable = order() as Record<string, unknown>;
    const purchase = client.purchaseTollFreeNumbers(mutable as OrderRequest);
    Object.assign(mutable, { quantity: 100_000, serviceArea: 9, bogus: "x" });
    release();
    await expect(purchase).resolves.toEqual(accepted);
    expect(api.calls.map((call) => call.body)).toEqual([order()]);
  });

  test.each<[string, () => unknown]>([
    ["a toJSON that returns nothing (the body would be empty)", () => ({ ...order(), toJSON: () => undefined })],
    [
      "a toJSON that returns another order",
      () => ({ ...order(), toJSON: () => ({ quantity: 5000, packageID: -1, serviceArea: 99 }) }),
    ],
    [
      "an inherited selector that JSON leaves out",
      () => Object.assign(Object.create({ quantity: 1 }), { packageID: 1234567, serviceArea: 4 }),
    ],
    [
      "a cycle",
      () => {
        const cyclic: Record<string, unknown> = { ...order() };
        cyclic.Notes = cyclic;
        return cyclic;
      },
    ],
  ])("%s is judged as it would be sent, and nothing is sent", async (_name, make) => {
    const api = fakeApi(() => json(200, accepted));
    const client = createTollFreeClient({ token, baseUrl: "http://api.test", fetch: api.fetch });
    await expect(client.purchaseTollFreeNumbers(make() as OrderRequest)).rejects.toBeInstanceOf(ValidationError);
    expect(api.calls).toEqual([]);
  });
});

describe("a redirect is an answer, never followed", () => {
  const redirect =
    (status: number): Fault =>
    (request, response) => {
      if (request.url?.startsWith("/elsewhere"))
        return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(accepted));
      response.writeHead(status, { location: "/elsewhere" }).end();
    };

  test.each([301, 302, 303, 307, 308])(
    "HTTP %i: UnexpectedResponseError, outcome unknown, one POST",
    async (status) => {
      const server = await startFaultServer(redirect(status));
      try {
        const client = createTollFreeClient({ token, baseUrl: server.url });
        const error = await client.purchaseTollFreeNumbers(order()).catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(UnexpectedResponseError);
        expect(error).toMatchObject({ status, outcomeUnknown: true });
        expect(server.posts()).toBe(1);
      } finally {
        await server.close();
      }
    },
  );
});

// Malformed HTTP (a bad header name, a status line that is not HTTP) is in hostile-server.test.ts: which class carries
// it depends on the runtime's undici, the unknown outcome does not.
test("a 500 whose JSON is nested 20,000 levels deep: UnexpectedResponseError with outcome unknown", async () => {
  const depth = 20_000;
  const reply = `HTTP/1.1 500 Oops\r\nContent-Type: application/json\r\nContent-Length: ${2 * depth}\r\n\r\n${"[".repeat(depth)}${"]".repeat(depth)}`;
  const server = await startFaultServer((request) => request.socket.end(reply));
  try {
    const client = createTollFreeClient({ token, baseUrl: server.url });
    const error = await client.purchaseTollFreeNumbers(order()).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 500, outcomeUnknown: true });
    expect(server.posts()).toBe(1);
  } finally {
    await server.close();
  }
});

test("a port fetch refuses to use: nothing was sent, so the outcome is known", async () => {
  // Port 9 (discard) is on fetch's list of blocked ports: the request is refused before any connection.
  const client = createTollFreeClient({ token, baseUrl: "http://127.0.0.1:9" });
  const error = await client.purchaseTollFreeNumbers(order()).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error).toMatchObject({ outcomeUnknown: false });
  expect((error as Error).message).toContain("bad port");
});
