import { describe, expect, it } from "vitest";
import type { EngineAnswer } from "../src/front.js";
import { answerOrder, judgeOrder, type OrderVerdict, vendorError } from "../src/vendor-answer.js";

const order = { quantity: 1, packageID: 1_234_567, serviceArea: 4 };
const notAnObject: OrderVerdict = {
  kind: "invalid",
  issue: { parameter: "body", message: "The request body must be formatted as a(n) object." },
};
const bytes = (text: string, prefix: number[] = []) => new Uint8Array([...prefix, ...Buffer.from(text)]);

describe("judgeOrder reads a body as Prism does, then asks the rule table", () => {
  it.each<[string, Uint8Array, string | undefined, boolean, OrderVerdict]>([
    ["a valid JSON order", bytes(JSON.stringify(order)), "application/json", true, { kind: "valid" }],
    ["JSON with a charset", bytes(JSON.stringify(order)), "application/json; charset=utf-8", true, { kind: "valid" }],
    ["a +json media type", bytes(JSON.stringify(order)), "application/vnd.order+json", true, { kind: "valid" }],
    [
      "JSON after a byte-order mark",
      bytes(JSON.stringify(order), [0xef, 0xbb, 0xbf]),
      "application/json",
      true,
      { kind: "valid" },
    ],
    [
      "an invalid order: its first issue",
      bytes(JSON.stringify({ ...order, serviceArea: 6 })),
      "application/json",
      true,
      {
        kind: "invalid",
        issue: {
          parameter: "serviceArea",
          message: "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5",
        },
      },
    ],
    ["JSON sent as text/plain (a string to Prism)", bytes(JSON.stringify(order)), "text/plain", true, notAnObject],
    ["JSON sent without Content-Type (a string to Prism)", bytes(JSON.stringify(order)), undefined, true, notAnObject],
    ["no body at all (null to Prism)", bytes(""), "application/json", false, notAnObject],
    [
      "malformed JSON (Prism answers 400)",
      bytes('{"quantity":'),
      "application/json",
      true,
      { kind: "unjudged", reason: "the body is not valid JSON" },
    ],
  ])("%s", (_name, body, contentType, hasBody, verdict) => {
    expect(judgeOrder({ body, contentType, hasBody })).toEqual(verdict);
  });

  it("gives no verdict for a charset it cannot decode", () => {
    const verdict = judgeOrder({
      body: bytes("{}"),
      contentType: "application/json; charset=x-unknown",
      hasBody: true,
    });
    expect(verdict).toMatchObject({ kind: "unjudged", reason: expect.stringContaining("cannot be decoded") });
  });

  it("gives no verdict, instead of throwing, when the rule table fails", () => {
    const failing = () => {
      throw new RangeError("too deep");
    };
    const verdict = judgeOrder({ body: bytes("{}"), contentType: "application/json", hasBody: true }, failing);
    expect(verdict).toEqual({ kind: "unjudged", reason: "the rule table failed: too deep" });
  });
});

const cors: [string, string][] = [["Access-Control-Allow-Origin", "*"]];
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const firstExample = { code: 422, error: "The 'packageID' parameter is required." };
const serviceAreaViolations = JSON.stringify([
  {
    location: ["request", "body"],
    severity: "Error",
    code: "required",
    message: "Request body must have required property 'numbers'",
  },
  {
    location: ["request", "body", "serviceArea"],
    severity: "Error",
    code: "enum",
    message: "Request body property serviceArea must be equal to one of the allowed values: 1, 2, 3, 4, 5",
  },
]);
const prism422 = (violations?: string): EngineAnswer => ({
  status: 422,
  headers: [
    ...cors,
    ...(violations === undefined ? [] : [["sl-violations", violations] as [string, string]]),
    ["Content-type", "application/json"],
  ],
  body: json(firstExample),
});
const prism200: EngineAnswer = { status: 200, headers: [...cors], body: json({ orderID: 287225, batches: [] }) };
const prism401: EngineAnswer = { status: 401, headers: [...cors], body: json({ code: 401, error: "Unauthorized" }) };

const valid: OrderVerdict = { kind: "valid" };
const message = "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5";
const invalid: OrderVerdict = { kind: "invalid", issue: { parameter: "serviceArea", message } };
const unjudged: OrderVerdict = { kind: "unjudged", reason: "the body is not valid JSON" };

describe("answerOrder", () => {
  it("gives Prism's validation 422 the rule table's first message, in the vendor's shape, keeping every header", () => {
    const prism = prism422(serviceAreaViolations);
    const { answer, fidelityWarning } = answerOrder(invalid, prism, undefined);
    expect(JSON.parse(answer.body.toString())).toEqual({ code: 422, error: message });
    expect(answer.status).toBe(422);
    expect(answer.headers).toEqual(prism.headers);
    expect(fidelityWarning).toBeUndefined();
  });

  it("still rewrites when Prism cut its violations short ('Too many violations!')", () => {
    const truncated = `Too many violations! ${serviceAreaViolations.slice(0, 120)}`;
    expect(JSON.parse(answerOrder(invalid, prism422(truncated), undefined).answer.body.toString())).toEqual({
      code: 422,
      error: message,
    });
  });

  it.each<[string, OrderVerdict, EngineAnswer, string | undefined]>([
    ["an example asked for with Prefer", invalid, prism422(serviceAreaViolations), "code=422, example=notScalar"],
    ["a 422 forced with Prefer on a valid order (no violations)", valid, prism422(), "code=422"],
    ["a valid order's 200", valid, prism200, undefined],
    ["a 401 (Prism did not judge the body)", invalid, prism401, undefined],
    ["a body the rule table could not judge", unjudged, prism422(serviceAreaViolations), undefined],
  ])("leaves %s as Prism answered, without a warning", (_name, verdict, prism, prefer) => {
    expect(answerOrder(verdict, prism, prefer)).toEqual({ answer: prism });
  });

  it("rewrites a 422 forced with Prefer: code=422 (no example) on an invalid order", () => {
    const { answer } = answerOrder(invalid, prism422(serviceAreaViolations), "code=422");
    expect(JSON.parse(answer.body.toString())).toEqual({ code: 422, error: message });
  });

  it("lets Prism's 200 stand, with a fidelity warning, when the rule table rejects the order", () => {
    expect(answerOrder(invalid, prism200, undefined)).toEqual({
      answer: prism200,
      fidelityWarning: `Prism accepted an order the rule table rejects (serviceArea: ${message}); Prism's answer was sent.`,
    });
  });

  it("lets Prism's 422 stand, with a fidelity warning naming its most specific violation first, when the rule table accepts", () => {
    const prism = prism422(serviceAreaViolations);
    expect(answerOrder(valid, prism, undefined)).toEqual({
      answer: prism,
      fidelityWarning:
        "Prism rejected an order the rule table accepts (request.body.serviceArea: Request body property serviceArea must be equal to one of the allowed values: 1, 2, 3, 4, 5; request.body: Request body must have required property 'numbers'); Prism's answer was sent.",
    });
  });
});

describe("vendorError", () => {
  it.each<[string, EngineAnswer, string | undefined]>([
    ["a vendor-shaped 422", prism422(), firstExample.error],
    ["a vendor-shaped 401", prism401, "Unauthorized"],
    ["a success", prism200, undefined],
    ["Prism's problem+json", { status: 406, headers: [], body: json({ title: "Not Acceptable" }) }, undefined],
    ["a body that is not JSON", { status: 400, headers: [], body: Buffer.from("<html>") }, undefined],
  ])("reads %s", (_name, answer, error) => {
    expect(vendorError(answer)).toBe(error);
  });
});
