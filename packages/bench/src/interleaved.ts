import { Bench, type TaskResultCompleted } from "tinybench";

/**
 * Side-by-side timing on a noisy shared machine: the contenders run in rotating rounds (A B C, then B C A, …) so
 * that slow phases (other jobs, GC, frequency changes) hit them alike; tinybench times every call. Compare them
 * by their pooled medians, and by the spread of the same comparison round by round.
 */
export type Contender = { name: string; fn: () => Promise<unknown> };

/** A contender's latencies (ms), pooled over all rounds, and the median of each round. */
export type Pooled = { name: string; samples: number[]; roundMedians: number[] };

/** `warmup` untimed calls of each contender, then `rounds` rounds of `calls` timed calls of each. */
export type Plan = { warmup: number; rounds: number; calls: number };

export async function interleave(contenders: Contender[], plan: Plan): Promise<Pooled[]> {
  const pooled = contenders.map(({ name }): Pooled => ({ name, samples: [], roundMedians: [] }));
  for (let round = -1; round < plan.rounds; round += 1) {
    const bench = new Bench({ iterations: round < 0 ? plan.warmup : plan.calls, time: 0, warmup: false, throws: true });
    const shift = Math.max(round, 0) % contenders.length;
    for (const { name, fn } of [...contenders.slice(shift), ...contenders.slice(0, shift)]) {
      bench.add(name, fn, { async: true, retainSamples: true });
    }
    await bench.run();
    if (round < 0) continue;
    for (const entry of pooled) {
      const latency = latencyOf(bench, entry.name);
      entry.samples.push(...latency.samples!);
      entry.roundMedians.push(latency.p50);
    }
  }
  return pooled;
}

/** Latency statistics (ms) of a task that completed: its bench ran with `throws: true`, or its calls cannot throw. */
export const latencyOf = (bench: Bench, name: string) => (bench.getTask(name)!.result as TaskResultCompleted).latency;

/** The q-quantile of samples in any order, interpolating between order statistics as tinybench does. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0 || !(q >= 0 && q <= 1)) throw new RangeError(`no ${q}-quantile of ${samples.length}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const [low, high] = [sorted[Math.floor(position)]!, sorted[Math.ceil(position)]!];
  return low + (high - low) * (position - Math.floor(position));
}

/** The p25 and p75 of `combine(a, b)` taken round by round: how steady a comparison stayed through the run. */
export function roundSpread(a: Pooled, b: Pooled, combine: (a: number, b: number) => number): [number, number] {
  const values = a.roundMedians.map((median, round) => combine(median, b.roundMedians[round]!));
  return [quantile(values, 0.25), quantile(values, 0.75)];
}
