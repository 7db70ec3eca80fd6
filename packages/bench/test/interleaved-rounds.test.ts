import { describe, expect, it } from "vitest";
import { runInterleaved } from "../src/interleaved-rounds.js";

describe("runInterleaved", () => {
  it("gives every contender the same number of timed calls, and rotates who goes first", async () => {
    const calls: string[] = [];
    const contender = (name: string) => ({ name, fn: async () => void calls.push(name) });
    const plan = { warmupCalls: 2, rounds: 3, callsPerRound: 4 };
    const results = await runInterleaved([contender("a"), contender("b"), contender("c")], plan);

    for (const result of results) {
      expect(result.samples).toHaveLength(plan.rounds * plan.callsPerRound);
      expect(result.roundMedians).toHaveLength(plan.rounds);
    }
    const timed = calls.slice(3 * plan.warmupCalls);
    const firstOfRound = [0, 1, 2].map((round) => timed[round * 3 * plan.callsPerRound]);
    expect(firstOfRound).toEqual(["a", "b", "c"]);
  });

  it("stops on the first failing call", async () => {
    const failing = { name: "bad", fn: async () => Promise.reject(new Error("boom")) };
    await expect(runInterleaved([failing], { warmupCalls: 1, rounds: 1, callsPerRound: 1 })).rejects.toThrow("boom");
  });
});
