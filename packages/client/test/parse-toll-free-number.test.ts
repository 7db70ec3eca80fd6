import { describe, expect, test } from "vitest";
import { isTollFree, parseTollFreeNumber, validateOrderRequest } from "../src/index.js";

const parsed: [input: string, number: string][] = [
  ["+18882223456", "8882223456"],
  ["1-888-222-3456", "8882223456"],
  ["(888) 222-3456", "8882223456"],
  ["8882223456", "8882223456"],
  ["18002223456", "8002223456"],
  ["+1 (877) 222-3457", "8772223457"],
  ["888.222.3456", "8882223456"],
  [" 833 555 0100 ", "8335550100"],
  ["+1 212 555 0123", "2125550123"],
];

const rejected: [input: string, why: string][] = [
  ["", "empty"],
  ["888222345", "nine digits"],
  ["88822234567", "eleven digits without the country code"],
  ["+448882223456", "another country"],
  ["+8882223456", "a plus without the country code"],
  ["1112223456", "area code starting with 1 (the seed's placeholder)"],
  ["0882223456", "area code starting with 0"],
  ["8881223456", "exchange starting with 1"],
  ["888-CALL-NOW", "letters"],
  ["888/222/3456", "slashes"],
];

const tollFree: [input: string, expected: boolean][] = [
  ["8002223456", true],
  ["8332223456", true],
  ["8442223456", true],
  ["8552223456", true],
  ["8662223456", true],
  ["8772223456", true],
  ["8882223456", true],
  ["+1 (888) 222-3456", true],
  ["8112223456", false],
  ["8222223456", false],
  ["8992223456", false],
  ["2125550123", false],
  ["not a number", false],
];

describe("parseTollFreeNumber", () => {
  test.each(parsed)("%s → %s", (input, number) => {
    const result = parseTollFreeNumber(input);
    expect(result).toEqual({ countryCode: "1", number });
    // What it returns is a valid item of an order's `numbers`.
    expect(validateOrderRequest({ numbers: [result], packageID: 1, serviceArea: 1 }).ok).toBe(true);
  });

  test.each(rejected)("rejects %j (%s) naming the input", (input) => {
    expect(() => parseTollFreeNumber(input)).toThrow(TypeError);
    expect(() => parseTollFreeNumber(input)).toThrow(`'${input}' is not a North American number`);
  });
});

describe("isTollFree", () => {
  test.each(tollFree)("%s → %s", (input, expected) => {
    expect(isTollFree(input)).toBe(expected);
  });
});
