// What the mock's benchmarks share: percentiles, a process's memory, and the spec's purchase URL and order.
import { readdirSync, readFileSync } from "node:fs";
import { loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";

/** The `p`th percentile (0–100) of some durations, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds rounded to a tenth, for JSON that stays readable. */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A process's resident memory now and at its peak, in MiB (Linux, /proc); undefined once it is gone. */
export function memoryOf(pid: number): { rssMiB: number; peakRssMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: Math.round(kb("VmRSS") / 1024), peakRssMiB: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return undefined;
  }
}

/** The PIDs of this process's children whose command line matches `pattern` (Linux, /proc). */
export function childrenMatching(pattern: RegExp): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
      if (pattern.test(readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " "))) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

const purchase = locateOperation(loadBundledSpec(), "purchaseTollFreeNumbers");

/** The URL of the purchase operation on a server. */
export function orderUrl(baseUrl: string): string {
  return new URL(purchase.path, baseUrl).href;
}

/** A valid order: the spec's first request example of the purchase. */
export function validOrder(): unknown {
  const [first] = operationExamples(loadBundledSpec(), "purchaseTollFreeNumbers").request;
  if (first === undefined) throw new Error("the purchase operation has no request example");
  return first.value;
}
