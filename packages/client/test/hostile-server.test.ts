import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, test } from "vitest";
import {
  AuthenticationError,
  ConnectionError,
  createTollFreeClient,
  type OrderRequest,
  outcomeUnknownAdvice,
  TimeoutError,
  TollFreeApiError,
  UnexpectedResponseError,
} from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import { type Fault, type FaultServer, startFaultServer } from "./helpers/fault-server.js";
import { operation, responseExamples } from "./helpers/spec.js";

// Every case here is a server that misbehaves after the order left: the purchase is sent exactly once, the error says
// the outcome is unknown where it is, memory stays bounded, and the caller learns what happened.
const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4, referenceID: "PO-hostile" };
const ordersPath = "/_rest/v3/my/tf/orders" as const;
expect(operation("purchaseTollFreeNumbers").path).toBe(ordersPath);
const loginPath = operation("authenticate").path;
const example = (name: string) => responseExamples("purchaseTollFreeNumbers").find(([, found]) => found === name)![2];
const accepted = JSON.stringify(example("orderAccepted"));
const token = "tok-hostile-5f1c2d9e8b7a4c3f";

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(fault: Fault): Promise<FaultServer> {
  const server = await startFaultServer(fault);
  servers.push(server);
  return server;
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason as TollFreeApiError & { outcomeUnknown?: boolean },
  );

describe("a redirect is the answer, never followed: exactly one POST", () => {
  const redirects = [301, 302, 303, 307, 308];
  const elsewhere = async () => serve((_request, response) => response.writeHead(200).end(accepted));
  const redirecting = (status: number, to: () => string) =>
    serve((_request, response) => response.writeHead(status, { location: to() }).end());

  test.each(redirects)("%i to the same path: the client's purchase", async (status) => {
    let self = "";
    const server = await redirecting(status, () => self + ordersPath);
    self = server.url;
    const client = createTollFreeClient({ token, baseUrl: server.url });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status, outcomeUnknown: true });
    expect(server.received.map((request) => request.method)).toEqual(["POST"]);
  });

  test.each(redirects)("%i to the same path: the raw client reports the 3xx", async (status) => {
    let self = "";
    const server = await redirecting(status, () => self + ordersPath);
    self = server.url;
    const raw = createRawClient({ token, baseUrl: server.url });
    const { response } = await raw.POST(ordersPath, { body: order });
    expect(response.status).toBe(status);
    expect(server.received.map((request) => request.method)).toEqual(["POST"]);
  });

  test.each(redirects)("%i to another origin: the raw client sends nothing there", async (status) => {
    const other = await elsewhere();
    const server = await redirecting(status, () => other.url + ordersPath);
    const raw = createRawClient({ token, baseUrl: server.url });
    const { data, response } = await raw.POST(ordersPath, { body: order });
    expect(response.status).toBe(status);
    expect(data).toBeUndefined();
    expect(server.received).toHaveLength(1);
    expect(other.received).toEqual([]);
  });

  test("a redirect answering a login sends the password nowhere else", async () => {
    const other = await elsewhere();
    const server = await redirecting(307, () => other.url + loginPath);
    const client = createTollFreeClient({
      credentials: { username: "u", password: "pw-hostile" },
      baseUrl: server.url,
    });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 307, outcomeUnknown: false });
    expect(server.received.map((request) => request.path)).toEqual([loginPath]);
    expect(other.received).toEqual([]);
  });
});

/** A server that writes until the client goes away, counts what it wrote, and says when that connection closed. */
function flooding(status: number, headers: Record<string, string> = {}) {
  let written = 0;
  let closed!: () => void;
  const gone = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const chunk = Buffer.alloc(64 * 1024, "[");
  const fault: Fault = (_request, response) => {
    response.socket?.once("close", closed);
    response.writeHead(status, { "content-type": "application/json", ...headers });
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) written += chunk.length;
      if (!response.destroyed) response.once("drain", pump);
    };
    response.on("error", () => undefined);
    pump();
  };
  return { fault, written: () => written, gone };
}

describe("an answer is read up to maxResponseBytes, then the connection is closed", () => {
  // Kernel buffers on both ends take a few MiB before the writer blocks: the bound shows nothing more was read.
  const bound = 32 * 1024 * 1024;

  test.each([
    ["a 200 whose body never ends", 200, true],
    ["a 500 whose body never ends", 500, true],
    ["a 422 whose body never ends", 422, false],
  ])("%s", async (_name, status, outcomeUnknown) => {
    const flood = flooding(status);
    const server = await serve(flood.fault);
    const client = createTollFreeClient({ token, baseUrl: server.url, maxResponseBytes: 4096 });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status, outcomeUnknown, message: expect.stringMatching(/larger than 4096 bytes/) });
    await flood.gone;
    expect(flood.written()).toBeLessThan(bound);
    expect(server.posts()).toBe(1);
  });

  test("a declared Content-Length over the limit is refused before reading", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(2 ** 40) });
      response.write("{");
    });
    const client = createTollFreeClient({ token, baseUrl: server.url });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", outcomeUnknown: true });
    expect(error.message).toMatch(/larger than 65536 bytes/);
  });

  test("a fetch passed in that lies about Content-Length: its body is counted all the same", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const fetch = async () => new Response(endless, { status: 200, headers: { "content-length": "10" } });
    const client = createTollFreeClient({ token, baseUrl: "http://api.test", fetch, maxResponseBytes: 4096 });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 200, outcomeUnknown: true });
    expect(pulled).toBeLessThan(4);
  });

  test("a gzip bomb counts its decompressed bytes", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, " "));
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(bomb);
    });
    const client = createTollFreeClient({ token, baseUrl: server.url });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 200, outcomeUnknown: true });
  });

  test("an endless answer to the login: nothing is bought, and the outcome is known", async () => {
    const flood = flooding(200);
    const server = await serve(flood.fault);
    const client = createTollFreeClient({
      credentials: { username: "u", password: "pw-hostile" },
      baseUrl: server.url,
    });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", outcomeUnknown: false });
    expect(server.received.map((request) => request.path)).toEqual([loginPath]);
  });

  test("the raw client: the same limit, as an UnexpectedResponseError", async () => {
    const flood = flooding(200);
    const server = await serve(flood.fault);
    const raw = createRawClient({ token, baseUrl: server.url, maxResponseBytes: 4096 });
    const error = await failure(raw.POST(ordersPath, { body: order }));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 200, outcomeUnknown: true });
    await flood.gone;
    expect(flood.written()).toBeLessThan(bound);
  });

  test("an answer slower than the timeout, byte by byte, times out", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const drip = setInterval(() => (response.destroyed ? clearInterval(drip) : response.write(" ")), 20);
    });
    const client = createTollFreeClient({ token, baseUrl: server.url, timeoutMs: 300 });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });
});

describe("twenty purchases refused at once share one new login, whatever it answers", () => {
  const renewals: [string, Fault | "hang"][] = [
    ["succeeds", (_request, response) => response.writeHead(200).end(JSON.stringify({ token: "token-2" }))],
    ["answers 401", (_request, response) => response.writeHead(401).end(JSON.stringify(example("unauthorized")))],
    ["answers 500", (_request, response) => response.writeHead(500).end('{"code":500,"error":"Internal"}')],
    ["hangs", "hang"],
  ];

  test.each(renewals)("the new login %s", async (name, renewal) => {
    let logins = 0;
    const server = await serve((request, response, body) => {
      if (request.url === loginPath) {
        logins++;
        if (logins === 1) return void response.writeHead(200).end(JSON.stringify({ token: "token-1" }));
        if (renewal !== "hang") renewal(request, response, body);
        return;
      }
      const live = request.headers.authorization === "token-2";
      response.writeHead(live ? 200 : 401).end(live ? accepted : JSON.stringify(example("sessionExpired")));
    });
    // The client's timeoutMs bounds each login, so the hanging one ends; the purchases get their own, generous one:
    // twenty at once on a busy machine can take longer than a short timeout to be refused, and then nothing renews.
    const client = createTollFreeClient({
      credentials: { username: "u", password: "pw-hostile" },
      baseUrl: server.url,
      timeoutMs: renewal === "hang" ? 2_000 : 15_000,
    });
    await client.authenticate();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => client.purchaseTollFreeNumbers(order, { timeoutMs: 15_000 })),
    );
    expect(logins).toBe(2);
    const purchases = server.received.filter((request) => request.path === ordersPath);
    if (name === "succeeds") {
      expect(results.every((result) => result.status === "fulfilled")).toBe(true);
      expect(purchases).toHaveLength(40);
    } else {
      // Each was refused once (401: not processed) and never resent, since no new token came.
      expect(results.every((result) => result.status === "rejected")).toBe(true);
      expect(purchases).toHaveLength(20);
      for (const result of results) {
        const reason = (result as PromiseRejectedResult).reason;
        // A hanging login ends each caller's wait at its timeout; on a loaded machine a purchase can time out
        // before its 401 was read, and then its outcome is rightly unknown.
        if (name === "hangs") expect(reason).toBeInstanceOf(TimeoutError);
        else expect(reason.outcomeUnknown).toBe(false);
      }
    }
  });
});

describe("a purchase answered 401: renewed once and resent once, when the client can renew", () => {
  const unauthorized = JSON.stringify(example("unauthorized"));

  test.each([
    ["getToken", true],
    ["credentials", true],
    ["a fixed token", false],
  ])("with %s", async (how, renews) => {
    let issued = 0;
    const server = await serve((request, response) => {
      if (request.url === loginPath)
        return void response.writeHead(200).end(JSON.stringify({ token: `t-${++issued}` }));
      const fresh = request.headers.authorization === "t-2";
      response.writeHead(fresh ? 200 : 401).end(fresh ? accepted : unauthorized);
    });
    const auth =
      how === "getToken"
        ? { getToken: async () => `t-${++issued}` }
        : how === "credentials"
          ? { credentials: { username: "u", password: "pw-hostile" } }
          : { token: "t-1" };
    const client = createTollFreeClient({ ...auth, baseUrl: server.url });
    const outcome = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    const purchases = server.received.filter((request) => request.path === ordersPath);
    if (renews) {
      expect(outcome).toEqual(example("orderAccepted"));
      expect(purchases.map((request) => request.headers.authorization)).toEqual(["t-1", "t-2"]);
    } else {
      expect(outcome).toBeInstanceOf(AuthenticationError);
      expect(purchases).toHaveLength(1);
    }
  });

  test("a second 401 after the resend is thrown: two POSTs, never three", async () => {
    const server = await serve((_request, response) => response.writeHead(401).end(unauthorized));
    let calls = 0;
    const client = createTollFreeClient({ getToken: async () => `t-${++calls}`, baseUrl: server.url });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "AuthenticationError", reason: "unauthorized" });
    expect(server.posts()).toBe(2);
    expect(calls).toBe(2);
  });
});

describe("a token that cannot be sent: a typed error, nothing sent, outcome known", () => {
  test.each<[string, () => Promise<unknown>]>([
    ["a number", async () => 42],
    ["an empty string", async () => ""],
    ["a control character", async () => "tok\u0001en"],
    ["a rejection", () => Promise.reject(new Error(`vault is sealed for ${token}`))],
    [
      "a synchronous throw",
      () => {
        throw new Error("no vault");
      },
    ],
  ])("getToken gives %s", async (_name, getToken) => {
    const server = await serve((_request, response) => response.writeHead(200).end(accepted));
    const client = createTollFreeClient({ getToken: getToken as () => Promise<string>, baseUrl: server.url });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ reason: "no-token", status: undefined });
    expect(JSON.stringify(error) + String(error)).not.toContain(token);
    expect(server.received).toEqual([]);
  });

  test("the login's token has a control character", async () => {
    const server = await serve((_request, response) => response.writeHead(200).end('{"token":"tok\\u0001en"}'));
    const client = createTollFreeClient({
      credentials: { username: "u", password: "pw-hostile" },
      baseUrl: server.url,
    });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toMatchObject({ name: "AuthenticationError", reason: "no-token" });
    expect(server.received.map((request) => request.path)).toEqual([loginPath]);
  });

  test.each([
    ["a control character in a value", { "X-Trace": "a\u0001b" }],
    ["a DEL in a value", { "X-Trace": "a\u007fb" }],
    ["a space in a name", { "X Trace": "a" }],
    ["a character above U+00FF", { "X-Trace": "a\u0100" }],
  ])("a header with %s is refused at creation, naming it", (_name, headers) => {
    expect(() => createTollFreeClient({ token, headers })).toThrow(/the header "X[ -]Trace" has a name or value/);
  });
});

describe("a malformed answer leaves a purchase's outcome unknown, on every runtime", () => {
  // undici (Node's fetch) grew stricter with Node 24 (undici 7): a header name with a space before the colon is a
  // response on Node 20 and 22 (UnexpectedResponseError) and a failed fetch on 24 and 26 (ConnectionError). Either
  // way the purchase was sent, so its outcome is unknown: that, not the class, is the promise, held on every runtime
  // that .ci/run tests.
  const malformed = [
    [
      "a header name with a space before the colon (200)",
      "HTTP/1.1 200 OK\r\nX-Odd : 1\r\nContent-Length: 2\r\n\r\n{}",
    ],
    [
      "a header name with a space before the colon (500)",
      "HTTP/1.1 500 Oops\r\nX-Odd : 1\r\nContent-Length: 4\r\n\r\noops",
    ],
    ["a status line that is not HTTP", "SMTP ready\r\n\r\n"],
    ["a chunked body whose chunk size is not hex", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"],
  ];

  test.each(malformed)("%s: outcome unknown, sent once", async (_name, raw) => {
    const server = await serve((request) => request.socket.end(raw));
    const client = createTollFreeClient({ token, baseUrl: server.url });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect([UnexpectedResponseError, ConnectionError].some((type) => error instanceof type)).toBe(true);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain(outcomeUnknownAdvice);
    expect(server.posts()).toBe(1);
  });

  test.each(malformed)("the same answer to the login: %s buys nothing, outcome known", async (_name, raw) => {
    const server = await serve((request) => request.socket.end(raw));
    const client = createTollFreeClient({
      credentials: { username: "u", password: "pw-hostile" },
      baseUrl: server.url,
    });
    const error = await failure(client.purchaseTollFreeNumbers(order));
    expect(error).toBeInstanceOf(TollFreeApiError);
    expect(error.outcomeUnknown).not.toBe(true);
    expect(server.received.map((request) => request.path)).toEqual([loginPath]);
  });
});
