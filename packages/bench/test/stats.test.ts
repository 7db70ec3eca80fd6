import { describe, expect, it } from "vitest";
import { quantileSorted, summarize } from "../src/stats.js";

describe("quantileSorted", () => {
  it.each([
    ["the median of an odd count", [1, 2, 3], 0.5, 2],
    ["the median of an even count interpolates", [1, 2, 3, 4], 0.5, 2.5],
    ["the minimum", [5, 7, 9], 0, 5],
    ["the maximum", [5, 7, 9], 1, 9],
    ["p99 of 0..100", Array.from({ length: 101 }, (_, index) => index), 0.99, 99],
    ["a single sample", [42], 0.99, 42],
  ])("%s", (_, sorted, q, want) => {
    expect(quantileSorted(sorted, q)).toBeCloseTo(want, 10);
  });

  it.each([
    ["an empty set", [], 0.5],
    ["a quantile above 1", [1], 1.5],
    ["a negative quantile", [1], -0.1],
  ])("rejects %s", (_, sorted, q) => {
    expect(() => quantileSorted(sorted, q)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("sorts before taking order statistics and leaves the input alone", () => {
    const samples = [9, 1, 5, 3, 7];
    expect(summarize(samples)).toEqual({ count: 5, min: 1, p50: 5, p99: 8.92, max: 9, mean: 5 });
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });
});
