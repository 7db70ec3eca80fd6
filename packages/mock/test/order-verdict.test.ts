import { describe, expect, it } from "vitest";
import { judgeOrder, type OrderVerdict } from "../src/order-verdict.ts";

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
