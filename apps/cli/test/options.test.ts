import { describe, expect, it } from "vitest";
import { ExitCode } from "../src/errors.js";
import { ORDER_OPTIONS, parseCommandArgs, parseHeaderFlags, parseIntegerFlag } from "../src/options.js";

describe("parseCommandArgs", () => {
  it("parses string, boolean, short and repeatable options", () => {
    const values = parseCommandArgs(
      ["--number", "8882223456", "--number=8772223456", "-y", "--json", "--package-id", "5"],
      ORDER_OPTIONS,
    );
    expect(values).toMatchObject({ number: ["8882223456", "8772223456"], yes: true, json: true, "package-id": "5" });
  });

  it.each([
    ["an unknown option", ["--quantiy", "2"], /--quantiy/],
    ["a positional argument", ["2"], /positional/],
    ["a missing value", ["--quantity"], /--quantity/],
    [
      "a single-valued option given twice",
      ["--quantity", "1", "--quantity", "2"],
      /--quantity was given more than once/,
    ],
  ])("rejects %s with exit code 2", (_name, args, message) => {
    expect(() => parseCommandArgs(args, ORDER_OPTIONS)).toThrow(
      expect.objectContaining({ exitCode: ExitCode.Usage, message: expect.stringMatching(message) }),
    );
  });
});

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

describe("parseIntegerFlag", () => {
  it.each([
    ["3", 3],
    [" 42 ", 42],
    ["+7", 7],
    ["0", 0],
    ["-1", -1],
    ["1234567", 1234567],
  ])("reads %j as %d (range is left to the order validator)", (text, want) => {
    expect(parseIntegerFlag("--quantity", text)).toBe(want);
  });

  it.each(["", "two", "1.5", "1e3", "0x10", "12abc", "99999999999999999999"])(
    "rejects %j as a usage error naming the flag",
    (text) => {
      expect(() => parseIntegerFlag("--package-id", text)).toThrow(
        expect.objectContaining({ exitCode: ExitCode.Usage, message: expect.stringContaining("--package-id") }),
      );
    },
  );
});
