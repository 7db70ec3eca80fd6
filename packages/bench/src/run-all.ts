/**
 * `npm run bench`: runs every benchmark once, in the order, and writes BENCHMARKS.md at the repository
 * root from that one run. `node dist/run-all.js overhead size` runs only the named benchmarks and prints the
 * report instead (add `--out <file>` to write it).
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { bundleSize } from "./bundle-size.js";
import { clientOverhead } from "./client-overhead.js";
import { describeMachine } from "./machine.js";
import { mockLatency } from "./mock-latency.js";
import { pipeline } from "./pipeline.js";
import { findRepoRoot } from "./repo-root.js";
import { renderReport } from "./report.js";
import type { BenchContext, Benchmark, Section } from "./section.js";
import { validation } from "./validation.js";

const benchmarks: Benchmark[] = [clientOverhead, validation, bundleSize, pipeline, mockLatency];

const usage = `Usage: npm run bench                      every benchmark, written to BENCHMARKS.md
       node packages/bench/dist/run-all.js [name ...] [--out FILE]
                                           only the named ones, printed (or written to FILE)
Benchmarks: ${benchmarks.map((benchmark) => benchmark.name).join(", ")}`;

function parseArguments(argv: readonly string[]): { names: string[]; out: string | undefined; help: boolean } {
  const names: string[] = [];
  let out: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === "--help" || argument === "-h") return { names, out, help: true };
    if (argument === "--out") {
      out = argv[++index];
      if (out === undefined) throw new Error("--out needs a file name");
    } else if (benchmarks.some((benchmark) => benchmark.name === argument)) {
      names.push(argument);
    } else {
      throw new Error(
        `unknown argument "${argument}"; benchmarks: ${benchmarks.map((benchmark) => benchmark.name).join(", ")}`,
      );
    }
  }
  return { names, out, help: false };
}

/** A benchmark that threw still gets a section, so the report says what was not measured and why. */
function failedSection(benchmark: Benchmark, error: unknown): Section {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    title: benchmark.title,
    method: [],
    tables: [],
    verdicts: [{ target: "the benchmark runs", measured: "it failed (see below)", pass: false }],
    notes: [`**Not measured:** the benchmark failed.\n\n\`\`\`\n${message}\n\`\`\``],
  };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`run-all: ${(error as Error).message}\n\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const { names, out, help } = parsed;
  if (help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const selected = names.length === 0 ? benchmarks : benchmarks.filter((benchmark) => names.includes(benchmark.name));
  const repoRoot = findRepoRoot();
  const began = performance.now();
  const context: BenchContext = {
    repoRoot,
    progress: (message) =>
      process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${message}\n`),
  };
  const machine = describeMachine(repoRoot);
  const sections: Section[] = [];
  let failures = 0;
  for (const benchmark of selected) {
    const started = performance.now();
    context.progress(`${benchmark.name}: start`);
    try {
      sections.push({ ...(await benchmark.run(context)), elapsedMs: performance.now() - started });
    } catch (error) {
      failures += 1;
      context.progress(`${benchmark.name}: FAILED ${error instanceof Error ? error.message : String(error)}`);
      sections.push({ ...failedSection(benchmark, error), elapsedMs: performance.now() - started });
    }
  }
  const report = renderReport({
    machine,
    sections,
    loadAtEnd: os.loadavg(),
    elapsedMs: performance.now() - began,
    command: names.length === 0 ? "npm run bench" : `node packages/bench/dist/run-all.js ${names.join(" ")}`,
  });
  const target = out ?? (names.length === 0 ? join(repoRoot, "BENCHMARKS.md") : undefined);
  if (target === undefined) {
    process.stdout.write(report);
  } else {
    await writeFile(target, report);
    context.progress(`wrote ${target}`);
  }
  if (failures > 0) process.exitCode = 1;
}

await main();
