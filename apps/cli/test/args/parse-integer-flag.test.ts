import { describe, expect, it } from "vitest";
import { parseIntegerFlag } from "../../src/args/parse-integer-flag.js";
import { ExitCode } from "../../src/exit-codes.js";

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
