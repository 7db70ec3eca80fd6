/**
 * A measurement: one file exports one, `registry.ts` lists it, and the runner and the report writer do the
 * rest. Every figure it reports must come from the run that produced it.
 */
export interface Measurement {
  /** The name that selects it on the command line, such as `overhead`. */
  name: string;
  /** Its heading in BENCHMARKS.md. */
  title: string;
  run(context: { repoRoot: string; progress(message: string): void }): Promise<Section>;
}

/** What one measurement contributes to BENCHMARKS.md. */
export interface Section {
  /** How it was measured, one Markdown paragraph each. */
  method: string[];
  tables: Table[];
  verdicts: Verdict[];
}

/** Cells already formatted; the first column holds labels, and a column of numbers is right-aligned. */
export type Table = { header: string[]; rows: string[][] };

/** A target checked against this run's figure. A miss must say why, and what would fix it. */
export type Verdict = { target: string; measured: string } & ({ pass: true } | { pass: false; why: string });

/** A verdict; `why` is only asked for when the target is missed. */
export const verdict = (target: string, measured: string, pass: boolean, why: () => string): Verdict =>
  pass ? { target, measured, pass } : { target, measured, pass, why: why() };
