import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPrismCliMock, type PrismServer } from "../src/prism-process.js";
import { bundledSpecPath } from "../src/spec-defaults.js";
import { type RunningMock, startMock } from "../src/start-mock.js";
import { purchase, requestExamples } from "./contract/support/purchase-examples.ts";

/** One raw exchange; Node's http lets the test set `Origin` and the preflight headers as a browser would. */
function exchange(
  baseUrl: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(purchase.path, baseUrl), { method, headers });
    outgoing.once("response", (response) => {
      response.resume().once("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    outgoing.once("error", reject);
    outgoing.end(body);
  });
}

/** The headers a browser's CORS checks read. */
function cors(headers: IncomingHttpHeaders): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.startsWith("access-control-") || name === "vary"),
  );
}

const origin = "http://localhost:5173";
const order = JSON.stringify(requestExamples()[0]?.[1]);
const json = { "content-type": "application/json", accept: "application/json" };
const cases: [string, string, Record<string, string>, string?][] = [
  [
    "a preflight for a POST with Prefer, Authorization and Content-Type",
    "OPTIONS",
    {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "prefer, authorization, content-type",
    },
  ],
  ["a preflight that names no header", "OPTIONS", { origin, "access-control-request-method": "POST" }],
  ["a valid order from a page", "POST", { origin, authorization: "token", ...json }, order],
  [
    "a valid order with Prefer: code=402",
    "POST",
    { origin, authorization: "token", prefer: "code=402", ...json },
    order,
  ],
  ["an invalid order from a page", "POST", { origin, authorization: "token", ...json }, '{"quantity":0}'],
  ["an order without a token", "POST", { origin, ...json }, order],
  ["an order without Origin", "POST", { authorization: "token", ...json }, order],
];

// What the browser order desk relies on: the mock's front answers CORS exactly as the Prism CLI does.
describe("CORS through the mock's front, compared with the Prism CLI on the same spec", () => {
  let mock: RunningMock;
  let prism: PrismServer;
  beforeAll(async () => {
    [mock, prism] = await Promise.all([startMock({ maxBodyBytes: 1024 }), launchPrismCliMock(bundledSpecPath())]);
  });
  afterAll(async () => {
    await Promise.all([mock?.stop(), prism?.stop()]);
  });

  it.each(cases)("%s: same status, same CORS headers", async (_name, method, headers, body) => {
    const [ours, theirs] = await Promise.all([
      exchange(mock.url, method, headers, body),
      exchange(prism.url, method, headers, body),
    ]);
    expect(ours.status).toBe(theirs.status);
    expect(cors(ours.headers)).toEqual(cors(theirs.headers));
    expect(Object.keys(cors(ours.headers)).length).toBeGreaterThan(0);
  });

  it("a body over the limit gets the mock's own 413 with the CORS headers Prism gives that request", async () => {
    const headers = { origin, authorization: "token", "access-control-expose-headers": "sl-violations", ...json };
    const big = JSON.stringify({ Notes: "x".repeat(2048) });
    const [ours, theirs] = await Promise.all([
      exchange(mock.url, "POST", headers, big),
      exchange(prism.url, "POST", headers, big),
    ]);
    expect(ours.status).toBe(413);
    expect(cors(ours.headers)).toEqual(cors(theirs.headers));
  });
});
