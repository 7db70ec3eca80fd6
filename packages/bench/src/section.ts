import type { Table } from "./markdown-table.js";

/** One target of the issue, checked against a measured figure. */
export interface Verdict {
  /** What was promised, such as `≤ 1.10 × raw fetch (median)`. */
  target: string;
  /** The figure measured in this run, formatted. */
  measured: string;
  pass: boolean;
}

/** A titled table inside a section. */
export interface CaptionedTable extends Table {
  caption?: string;
}

/** What one benchmark contributes to BENCHMARKS.md; every figure in it comes from the run. */
export interface Section {
  title: string;
  /** How it was measured, one paragraph per entry. */
  method: string[];
  tables: CaptionedTable[];
  verdicts: Verdict[];
  /** Findings: for a missed target, why and what would fix it. */
  notes: string[];
  /** Wall time of the benchmark itself, in milliseconds. */
  elapsedMs?: number;
}

/** A benchmark: measures and describes what it measured. */
export interface Benchmark {
  /** The name used on the command line to run only this benchmark. */
  name: string;
  title: string;
  run(context: BenchContext): Promise<Section>;
}

/** What every benchmark may use. */
export interface BenchContext {
  /** The monorepo root. */
  repoRoot: string;
  /** Writes a progress line to stderr (BENCHMARKS.md is the only output that matters). */
  progress(message: string): void;
}
