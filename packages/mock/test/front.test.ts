import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyBudget, readBody } from "../src/front.js";

/** A request whose body arrives in `chunks`; `complete` says whether the client sent all of it. */
function request(chunks: string[], headers: Record<string, string> = {}, complete = true): IncomingMessage {
  return Object.assign(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), { headers, complete }) as never;
}

describe("readBody", () => {
  it("reads a body within the limit, and takes its bytes from the budget", async () => {
    const budget = new BodyBudget(100);
    const held = { bytes: 0 };
    await expect(readBody(request(["{", '"a":1}']), 10, budget, held)).resolves.toEqual({
      kind: "read",
      body: Buffer.from('{"a":1}'),
    });
    expect(held.bytes).toBe(7);
    expect(budget.take(94)).toBe(false);
    expect(budget.take(93)).toBe(true);
  });

  it("refuses a body declared over the limit without reading a byte", async () => {
    const body = request(["x".repeat(11)], { "content-length": "11" });
    await expect(readBody(body, 10, new BodyBudget(100), { bytes: 0 })).resolves.toEqual({ kind: "too large" });
    expect(body.readableDidRead).toBe(false);
  });

  it("refuses a body that grows past the limit as soon as it does", async () => {
    const held = { bytes: 0 };
    await expect(readBody(request(["12345", "678901", "never read"]), 10, new BodyBudget(100), held)).resolves.toEqual({
      kind: "too large",
    });
    expect(held.bytes).toBe(5);
  });

  it("says busy when the bodies already held use up the budget", async () => {
    const budget = new BodyBudget(8);
    expect(budget.take(5)).toBe(true);
    await expect(readBody(request(["1234"]), 10, budget, { bytes: 0 })).resolves.toEqual({ kind: "busy" });
    budget.give(5);
    await expect(readBody(request(["1234"]), 10, budget, { bytes: 0 })).resolves.toMatchObject({ kind: "read" });
  });

  it("says aborted when the client went away before the end of the body", async () => {
    await expect(readBody(request(["123"], {}, false), 10, new BodyBudget(100), { bytes: 0 })).resolves.toEqual({
      kind: "aborted",
    });
  });
});
