import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismStartError } from "../src/prism-process.js";
import {
  defaultMaxBodyBytes,
  formatMockRequest,
  type MockRequest,
  type RunningMock,
  startMock,
} from "../src/start-mock.js";
import { purchase, requestExamples, responseExamples } from "./contract/support/purchase-examples.js";
import { postOrderRaw } from "./contract/support/raw-order.js";
import { writeEditedSpec } from "./support/edited-spec.js";
import { engineProcesses } from "./support/engine-processes.js";
import { loginExample, postLoginExample } from "./support/login-example.js";
import { isRunning } from "./support/process-alive.js";

const ordersPath = "/_rest/v3/my/tf/orders";

describe("formatMockRequest", () => {
  it.each<[string, MockRequest, string]>([
    ["a success", { method: "POST", path: ordersPath, status: 200, durationMs: 2.6 }, `POST ${ordersPath} 200 (3 ms)`],
    [
      "a 422 with its message",
      {
        method: "POST",
        path: ordersPath,
        status: 422,
        durationMs: 4,
        message: "The 'packageID' parameter is required.",
      },
      `POST ${ordersPath} 422 The 'packageID' parameter is required. (4 ms)`,
    ],
    [
      "a fidelity warning, on a line of its own",
      { method: "POST", path: ordersPath, status: 200, durationMs: 1, fidelityWarning: "Prism accepted …" },
      `POST ${ordersPath} 200 (1 ms)\n  ⚠ fidelity: Prism accepted …`,
    ],
    [
      "control characters escaped, so one request stays one line",
      {
        method: "POST",
        path: ordersPath,
        status: 422,
        durationMs: 1,
        message: "The 'a\nb' parameter is not recognised.",
      },
      `POST ${ordersPath} 422 The 'a\\u000ab' parameter is not recognised. (1 ms)`,
    ],
    [
      "a very long path cut short",
      { method: "GET", path: `/${"x".repeat(500)}`, status: 404, durationMs: 0 },
      `GET /${"x".repeat(199)}… 404 (0 ms)`,
    ],
  ])("%s", (_name, request, line) => {
    expect(formatMockRequest(request)).toBe(line);
  });
});

const headers = { authorization: "start-mock-test-token", accept: "application/json" };
const [[, order] = []] = requestExamples() as [string, Record<string, unknown>][];
const accepted = responseExamples(200)[0]?.[1] as { orderID: number };
const firstExample422 = responseExamples(422)[0]?.[1];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "tf-orders-mock-test-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("startMock", () => {
  const brokenSpecs: [string, string, RegExp][] = [
    [
      "a spec with no operations",
      "openapi: 3.1.0\ninfo: {title: empty, version: '1'}\npaths: {}\n",
      /No operations found/,
    ],
  ];
  it.each(brokenSpecs)("fails fast with Prism's log on %s, leaving no process", async (_name, text, cause) => {
    const spec = join(scratch, `broken-${String(Math.random()).slice(2)}.yaml`);
    await writeFile(spec, text);
    const error = await startMock({ spec }).then(
      () => expect.fail("startMock resolved"),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PrismStartError);
    const failure = error as PrismStartError;
    expect(failure.message).toMatch(/fatal/);
    expect(failure.log).toMatch(cause);
    expect(failure.message).toMatch(cause);
    expect(failure.pid).toBeTypeOf("number");
    expect(failure.portInUse).toBe(false);
    expect(isRunning(failure.pid ?? -1)).toBe(false);
    expect(engineProcesses()).toEqual([]);
  });

  it("rejects a missing spec file with its path", async () => {
    await expect(startMock({ spec: join(scratch, "nope.yaml") })).rejects.toThrow(/nope\.yaml/);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects maxBodyBytes %s", async (maxBodyBytes) => {
    await expect(startMock({ maxBodyBytes })).rejects.toThrow(/maxBodyBytes must be a positive whole number/);
  });

  describe("on a port that is taken", () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => blocker.close(resolve));
    });

    it("says which port is in use, before starting Prism", async () => {
      const error = (await startMock({ port }).catch((reason: unknown) => reason)) as PrismStartError;
      expect(error).toBeInstanceOf(PrismStartError);
      expect(error.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(error.portInUse).toBe(true);
      expect(error.log).toMatch(/EADDRINUSE/);
      expect(engineProcesses()).toEqual([]);
    });
  });
});

// One mock for the whole story, in order: serving, limits, lanes, swaps, and at last stop().
describe("a running mock", () => {
  let mock: RunningMock;
  const log: MockRequest[] = [];
  beforeAll(async () => {
    mock = await startMock({ onRequest: (request) => log.push(request) });
  });
  afterAll(async () => {
    await mock.stop();
  });

  it("serves the bundled spec on a free port, from one engine until a request needs the second", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.url).not.toMatch(/:0$/);
    expect(engineProcesses()).toEqual([mock.pid]);
    await expect(postLoginExample(mock.url)).resolves.toEqual({ status: 200, body: loginExample().token });
    expect(engineProcesses()).toEqual([mock.pid]);
    expect((await postOrderRaw(mock.url, { ...order, serviceArea: 6 }, headers)).status).toBe(422);
    expect(engineProcesses()).toHaveLength(2);
  });

  it("logs every request once: method, path without the query, status, and a 422's message; no header", async () => {
    const from = log.length;
    await postOrderRaw(mock.url, order, headers);
    await postOrderRaw(mock.url, { ...order, serviceArea: 6 }, headers);
    await fetch(new URL(`${purchase.path}?token=secret-in-query`, mock.url), { method: "OPTIONS" });
    expect(log.slice(from)).toEqual([
      { method: "POST", path: purchase.path, status: 200, durationMs: expect.any(Number) },
      {
        method: "POST",
        path: purchase.path,
        status: 422,
        message: "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5",
        durationMs: expect.any(Number),
      },
      { method: "OPTIONS", path: purchase.path, status: expect.any(Number), durationMs: expect.any(Number) },
    ]);
    expect(JSON.stringify(log)).not.toMatch(/start-mock-test-token|secret-in-query/);
  });

  it("refuses a body declared over the limit at once with 413, without waiting for its bytes", async () => {
    const from = log.length;
    // The body is never sent: only an answer that does not need it can come back.
    const answer = await new Promise<{ status: number; body: string; connection: string | undefined }>(
      (resolve, reject) => {
        const outgoing = httpRequest(new URL(purchase.path, mock.url), {
          method: "POST",
          headers: {
            ...headers,
            "content-type": "application/json",
            "content-length": String(defaultMaxBodyBytes + 1),
          },
        });
        outgoing.once("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.once("end", () => {
            resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection });
            outgoing.destroy();
          });
        });
        outgoing.once("error", reject);
        outgoing.flushHeaders();
      },
    );
    expect(answer).toEqual({
      status: 413,
      body: JSON.stringify({
        code: 413,
        error: `The request body is larger than the mock's limit of ${defaultMaxBodyBytes} bytes.`,
      }),
      connection: "close",
    });
    expect(log.slice(from)).toEqual([
      expect.objectContaining({
        status: 413,
        message: expect.stringContaining(`limit of ${defaultMaxBodyBytes} bytes`),
      }),
    ]);
  });

  it("refuses a chunked body with 413 as soon as it grows past the limit", async () => {
    const chunk = new TextEncoder().encode(`"${"x".repeat(16 * 1024)}",`);
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
    const response = await fetch(new URL(purchase.path, mock.url), {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 413,
      error: expect.stringContaining(`${defaultMaxBodyBytes} bytes`),
    });
  });

  it("answers valid purchases while pathological orders under the limit are still being judged", async () => {
    // 20,000 empty number items: Prism reports each one, which holds an engine for a third of a second or more.
    const pathological = JSON.stringify({ ...order, numbers: Array.from({ length: 20_000 }, () => ({})) });
    expect(pathological.length).toBeLessThanOrEqual(defaultMaxBodyBytes);
    const events: string[] = [];
    const uploads: Promise<void>[] = [];
    const answers = [1, 2].map(
      (n) =>
        new Promise<void>((resolve, reject) => {
          const outgoing = httpRequest(new URL(purchase.path, mock.url), {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
          });
          uploads.push(new Promise((sent) => outgoing.once("finish", sent)));
          outgoing.once("response", (response) => {
            events.push(`pathological ${n}: ${response.statusCode}`);
            response.resume().once("end", resolve);
          });
          outgoing.once("error", reject);
          outgoing.end(pathological);
        }),
    );
    await Promise.all(uploads);
    for (let n = 1; n <= 5; n++) {
      const response = await postOrderRaw(mock.url, order, headers);
      events.push(`valid ${n}: ${response.status}`);
    }
    await Promise.all(answers);
    expect(events.slice(0, 5)).toEqual([
      "valid 1: 200",
      "valid 2: 200",
      "valid 3: 200",
      "valid 4: 200",
      "valid 5: 200",
    ]);
    expect(events.slice(5).sort()).toEqual(["pathological 1: 422", "pathological 2: 422"]);
  });

  it("serves the new spec on the same URL without refusing a connection, then stops the old engines", async () => {
    // The new spec accepts another order ID, and service area 6 instead of 5: the client's rule table does not.
    const edited = await writeEditedSpec(scratch, "edited", (spec) => {
      (spec.components.examples!.OrderAcceptedExample as { value: { orderID: number } }).value.orderID = 1;
      (spec.components.schemas!.ServiceArea as { enum: number[] }).enum = [1, 2, 3, 4, 6];
    });
    const before = engineProcesses();
    let probing = true;
    const outcomes: string[] = [];
    const probe = (async () => {
      while (probing) {
        const outcome = await postOrderRaw(mock.url, order, headers).then(
          (response) => String(response.status),
          (error: Error) => `${error.message} ${String((error.cause as { code?: string } | undefined)?.code)}`,
        );
        outcomes.push(outcome);
      }
    })();
    await mock.swapSpec(edited);
    probing = false;
    await probe;

    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome !== "200")).toEqual([]);
    const after = await postOrderRaw(mock.url, order, headers);
    expect(after.body).toEqual({ ...accepted, orderID: 1 });
    await expect.poll(() => before.filter(isRunning), { timeout: 15_000 }).toEqual([]);
    expect(engineProcesses()).toHaveLength(1);
  });

  it("lets Prism's answer stand, with a fidelity warning, where the served spec and the rule table disagree", async () => {
    const from = log.length;
    // Prism (the edited spec) accepts service area 6, which the rule table rejects…
    const six = await postOrderRaw(mock.url, { ...order, serviceArea: 6 }, headers);
    expect(six.status).toBe(200);
    // …and rejects 5, which the rule table accepts: Prism's own 422 stands, its first example unchanged.
    const five = await postOrderRaw(mock.url, { ...order, serviceArea: 5 }, headers);
    expect(five.status).toBe(422);
    expect(five.body).toEqual(firstExample422);
    expect(log.slice(from).map((request) => request.fidelityWarning)).toEqual([
      "Prism accepted an order the rule table rejects (serviceArea: The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5); Prism's answer was sent.",
      expect.stringMatching(/^Prism rejected an order the rule table accepts \(request\.body.*serviceArea/),
    ]);
  });

  it("keeps serving the spec it had when the new one cannot be served", async () => {
    const broken = join(scratch, "broken-swap.yaml");
    await writeFile(broken, "openapi: 3.1.0\ninfo: {title: empty, version: '1'}\npaths: {}\n");
    const serving = engineProcesses();
    await expect(mock.swapSpec(broken)).rejects.toThrow(PrismStartError);
    expect(engineProcesses().sort()).toEqual(serving.sort());
    expect((await postOrderRaw(mock.url, order, headers)).body).toEqual({ ...accepted, orderID: 1 });
  });

  it("stop() leaves no process behind and nothing listening, and is harmless twice", async () => {
    const engines = engineProcesses();
    expect(engines).toHaveLength(2);
    await mock.stop();
    expect(engines.filter(isRunning)).toEqual([]);
    await expect(fetch(mock.url)).rejects.toThrow();
    await expect(mock.stop()).resolves.toBeUndefined();
    await expect(mock.closed).resolves.toBeUndefined();
  });
});
