import { createServer } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import {
  ConnectionError,
  createTollFreeClient,
  type OrderRequest,
  TimeoutError,
  type TollFreeApiError,
  UnexpectedResponseError,
} from "../src/index.js";
import { type Fault, startFaultServer } from "./helpers/fault-server.js";
import { operation, responseExamples } from "./helpers/spec.js";

const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4, referenceID: "PO-7" };
const ordersPath = operation("purchaseTollFreeNumbers").path;
const loginPath = operation("authenticate").path;
const accepted = JSON.stringify(
  responseExamples("purchaseTollFreeNumbers").find(([, name]) => name === "orderAccepted")![2],
);
const advice = /outcome is unknown: check your orders before re-submitting, and reuse the same referenceID/;
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const faults: [
  name: string,
  fault: Fault,
  type: typeof ConnectionError | typeof UnexpectedResponseError,
  status: number | undefined,
][] = [
  ["the connection reset after the body was sent", (request) => request.socket.destroy(), ConnectionError, undefined],
  ["a response slower than the timeout", () => undefined, TimeoutError, undefined],
  [
    "a 500",
    (_request, response) =>
      response
        .writeHead(500, { "content-type": "application/json" })
        .end('{"code":500,"error":"Internal Server Error"}'),
    UnexpectedResponseError,
    500,
  ],
  [
    "an HTML 502 page",
    (_request, response) =>
      response
        .writeHead(502, { "content-type": "text/html" })
        .end("<html><body><h1>502 Bad Gateway</h1></body></html>"),
    UnexpectedResponseError,
    502,
  ],
  [
    "truncated JSON",
    (_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end('{"orderID": 287225, "batches": [{"batc'),
    UnexpectedResponseError,
    200,
  ],
  [
    "a body cut off before its Content-Length",
    (request, response) => {
      response
        .writeHead(200, { "content-type": "application/json", "content-length": "100" })
        .write('{"orderID": 287225');
      setTimeout(() => request.socket.destroy(), 20);
    },
    ConnectionError,
    undefined,
  ],
  [
    "a 200 with the wrong shape",
    (_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end('{"orderId": 287225, "batches": "31458"}'),
    UnexpectedResponseError,
    200,
  ],
];

describe("a purchase whose outcome is unknown is sent exactly once", () => {
  test.each(faults)("%s", async (_name, fault, type, status) => {
    const server = await startFaultServer(fault);
    servers.push(server);
    // Only the slow case should time out: on a loaded machine a reset can take longer than a short timeout. Its
    // timeout must still leave time for the POST to be read and counted before it fires: a run of .ci/run on a
    // busy machine saw 300 ms run out first (0 POSTs counted).
    const client = createTollFreeClient({
      token: "fault-token",
      baseUrl: server.url,
      timeoutMs: type === TimeoutError ? 2_000 : 15_000,
    });
    const error = (await client
      .purchaseTollFreeNumbers(order)
      .catch((reason: unknown) => reason)) as TollFreeApiError & { outcomeUnknown: boolean };
    expect(error).toBeInstanceOf(type);
    if (type !== TimeoutError) expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error.status).toBe(status);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(advice);
    // Final once the call has settled: the client awaits any request it sends, and the server counts a POST before
    // it answers it.
    expect(server.posts()).toBe(1);
  });

  test("a caller's abort after sending is an unknown outcome too, not a timeout", async () => {
    const server = await startFaultServer(() => undefined);
    servers.push(server);
    const client = createTollFreeClient({ token: "fault-token", baseUrl: server.url });
    const controller = new AbortController();
    const pending = client
      .purchaseTollFreeNumbers(order, { signal: controller.signal })
      .catch((reason: unknown) => reason);
    while (server.posts() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      outcomeUnknown: true,
      code: "connection",
      message: expect.stringMatching(/aborted by the caller/),
    });
  });

  test("the per-call timeoutMs overrides the client's", async () => {
    const server = await startFaultServer(() => undefined);
    servers.push(server);
    const client = createTollFreeClient({ token: "fault-token", baseUrl: server.url, timeoutMs: 60_000 });
    const error = await client.purchaseTollFreeNumbers(order, { timeoutMs: 50 }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      code: "timeout",
      outcomeUnknown: true,
      message: expect.stringMatching(/timed out after 50 ms/),
    });
  });
});

describe("failures where nothing was sent", () => {
  test("a login that times out buys nothing: outcome known, no purchase sent", async () => {
    // Only the login hangs. A purchase would be answered at once, so one sent would be counted before the call
    // settles. Whether the login itself is counted is left open: on a busy machine the 100 ms can run out before the
    // connection is even open (the loop runs timers before it reads sockets), on any Node version.
    const server = await startFaultServer((request, response) => {
      if (request.url === ordersPath) response.writeHead(200, { "content-type": "application/json" }).end(accepted);
    });
    servers.push(server);
    const client = createTollFreeClient({
      credentials: { username: "u", password: "p" },
      baseUrl: server.url,
      timeoutMs: 100,
    });
    const error = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: false, message: "The login timed out after 100 ms." });
    expect(server.received.map((request) => request.path)).not.toContain(ordersPath);
    expect(server.received.every((request) => request.path === loginPath)).toBe(true);
  });

  test("a refused connection: ConnectionError, outcome known", async () => {
    // Reserve a free port, then close it so that nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const client = createTollFreeClient({ token: "fault-token", baseUrl: `http://127.0.0.1:${port}` });
    const error = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      outcomeUnknown: false,
      status: undefined,
      message: expect.stringMatching(/ECONNREFUSED/),
    });
    expect((error as Error).message).not.toMatch(advice);
  });

  test("a signal aborted before the call: nothing is sent", async () => {
    const server = await startFaultServer((_request, response) => response.end("{}"));
    servers.push(server);
    const client = createTollFreeClient({ token: "fault-token", baseUrl: server.url });
    const error = await client
      .purchaseTollFreeNumbers(order, { signal: AbortSignal.abort() })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: false });
    expect(server.posts()).toBe(0);
  });
});
