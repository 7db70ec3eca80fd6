/** Location and tail of a set of samples, in the samples' own unit. */
export interface Summary {
  count: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of samples already sorted ascending, interpolating linearly between order
 * statistics (the same estimator as tinybench's percentiles, so figures from both agree).
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of an empty sample set");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

/** Sorts a copy of the samples ascending. */
export function sortedCopy(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** Count, extremes, median, p99 and mean of unsorted samples. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = sortedCopy(samples);
  let total = 0;
  for (const sample of sorted) total += sample;
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: quantileSorted(sorted, 0.5),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: total / sorted.length,
  };
}
