import { Bench } from "tinybench";
import { quantileSorted } from "./stats.js";

/** One contender of an interleaved comparison. */
export interface Contender {
  name: string;
  /** One timed call. */
  fn: () => Promise<unknown>;
}

/** How many rounds, and calls per contender in each. */
export interface RoundPlan {
  warmupCalls: number;
  rounds: number;
  callsPerRound: number;
}

/** Latency samples (ms) of one contender, pooled over all rounds, plus each round's median. */
export interface ContenderSamples {
  name: string;
  samples: number[];
  roundMedians: number[];
}

function sampleOf(bench: Bench, name: string): readonly number[] {
  const result = bench.getTask(name)?.result;
  if (result === undefined) throw new Error(`no task ${name}`);
  if (result.state === "errored") throw result.error;
  if (result.state !== "completed") throw new Error(`task ${name} ended ${result.state}`);
  const samples = result.latency.samples;
  if (samples === undefined) throw new Error(`task ${name} kept no samples`);
  return samples;
}

/**
 * Times the contenders in alternating rounds (A, B, C, then B, C, A, …) with tinybench, so slow phases of a
 * busy machine (other jobs, GC, frequency changes) hit every contender alike. tinybench times each call; this
 * function only schedules the rounds, rotating the order so no contender always runs first.
 */
export async function runInterleaved(
  contenders: readonly Contender[],
  plan: RoundPlan,
  onRound?: (round: number) => void,
): Promise<ContenderSamples[]> {
  const pooled = contenders.map((contender) => ({
    name: contender.name,
    samples: [] as number[],
    roundMedians: [] as number[],
  }));
  for (let round = -1; round < plan.rounds; round += 1) {
    const warmup = round < 0;
    const bench = new Bench({
      iterations: warmup ? plan.warmupCalls : plan.callsPerRound,
      time: 0,
      warmup: false,
      retainSamples: true,
      throws: true,
    });
    const shift = Math.max(round, 0) % contenders.length;
    const order = [...contenders.slice(shift), ...contenders.slice(0, shift)];
    for (const contender of order) bench.add(contender.name, contender.fn, { async: true });
    await bench.run();
    if (warmup) continue;
    for (const entry of pooled) {
      const samples = sampleOf(bench, entry.name);
      entry.samples.push(...samples);
      // tinybench hands the samples over sorted.
      entry.roundMedians.push(quantileSorted(samples, 0.5));
    }
    onRound?.(round);
  }
  return pooled;
}
