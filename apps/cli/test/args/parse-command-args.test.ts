import { describe, expect, it } from "vitest";
import { ORDER_OPTIONS } from "../../src/args/order-options.js";
import { parseCommandArgs } from "../../src/args/parse-command-args.js";
import { ExitCode } from "../../src/exit-codes.js";

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
