import { describe, expect, it } from "vitest";
import { parseHeaderFlags } from "../../src/args/parse-header-flag.js";

describe("parseHeaderFlags", () => {
  it("collects every header, trimming around the colon and keeping colons in the value", () => {
    expect(parseHeaderFlags(["Prefer: code=402, example=trialLimitExceeded", "X-Trace:a:b"])).toEqual({
      Prefer: "code=402, example=trialLimitExceeded",
      "X-Trace": "a:b",
    });
  });

  it.each([
    ["no colon", "Prefer code=402", /Name: value/],
    ["an empty name", ": x", /Name: value/],
    ["a space in the name", "Bad Name: x", /Name: value/],
    ["Authorization", "authorization: s3cr3t-value", /cannot set Authorization/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseHeaderFlags([text])).toThrow(message);
  });

  it("never echoes an Authorization value in its error", () => {
    expect(() => parseHeaderFlags(["Authorization: s3cr3t-value"])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("s3cr3t") }),
    );
  });
});
