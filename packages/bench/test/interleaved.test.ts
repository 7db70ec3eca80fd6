import { describe, expect, it } from "vitest";
import { interleave, type Pooled, quantile, roundSpread } from "../src/interleaved.js";

describe("quantile", () => {
  // Expected values worked out by hand: position (n - 1) * q, then linear interpolation between neighbours.
  it.each([
    ["the median of an odd count, unsorted", [3, 1, 2], 0.5, 2],
    ["the median of an even count", [4, 1, 3, 2], 0.5, 2.5],
    ["the minimum", [9, 5, 7], 0, 5],
    ["the maximum", [9, 5, 7], 1, 9],
    ["p25 between two samples", [10, 20, 30, 40, 50], 0.3, 22],
    ["p99 of 0..100", Array.from({ length: 101 }, (_, i) => 100 - i), 0.99, 99],
    ["a single sample", [42], 0.99, 42],
  ])("%s", (_, samples, q, expected) => {
    expect(quantile(samples, q)).toBeCloseTo(expected, 10);
  });

  it.each([
    ["no samples", [], 0.5],
    ["q above 1", [1], 1.5],
    ["a negative q", [1], -0.1],
    ["q not a number", [1], Number.NaN],
  ])("refuses %s", (_, samples, q) => {
    expect(() => quantile(samples, q)).toThrow(RangeError);
  });
});

describe("roundSpread", () => {
  it("takes p25 and p75 of a comparison made round by round", () => {
    const pooled = (roundMedians: number[]): Pooled => ({ name: "x", samples: [], roundMedians });
    // Ratios per round: 1, 2, 3, 4, 5 -> p25 = 2, p75 = 4.
    const spread = roundSpread(pooled([10, 40, 60, 20, 100]), pooled([10, 20, 20, 5, 20]), (a, b) => a / b);
    expect(spread).toEqual([2, 4]);
  });
});

describe("interleave", () => {
  it("gives each contender the same timed calls, and rotates who goes first", async () => {
    const calls: string[] = [];
    const contender = (name: string) => ({ name, fn: async () => void calls.push(name) });
    const plan = { warmup: 2, rounds: 3, calls: 4 };
    const pooled = await interleave([contender("a"), contender("b"), contender("c")], plan);

    for (const entry of pooled) {
      expect(entry.samples).toHaveLength(plan.rounds * plan.calls);
      expect(entry.roundMedians).toHaveLength(plan.rounds);
    }
    expect(calls).toHaveLength(3 * (plan.warmup + plan.rounds * plan.calls));
    const timed = calls.slice(3 * plan.warmup);
    const firstOfEachRound = [0, 1, 2].map((round) => timed[round * 3 * plan.calls]);
    expect(firstOfEachRound).toEqual(["a", "b", "c"]);
  });

  it("fails with the first failing call", async () => {
    const contenders = [
      { name: "good", fn: async () => {} },
      { name: "bad", fn: async () => Promise.reject(new Error("boom")) },
    ];
    await expect(interleave(contenders, { warmup: 1, rounds: 2, calls: 3 })).rejects.toThrow("boom");
  });
});
