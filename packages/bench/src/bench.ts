/**
 * `npm run bench`: runs every measurement of `registry.ts` once, in order, and writes BENCHMARKS.md at the
 * repository root from that one run. `node dist/bench.js size mock` runs only those and prints their report.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { workspaceRoot } from "@tf-orders/spec/reader";
import type { Section } from "./measurement.js";
import { measurements } from "./registry.js";
import { type Run, renderReport, seconds } from "./report.js";

const names = measurements.map((measurement) => measurement.name);
const usage = `Usage: npm run bench                            every measurement, written to BENCHMARKS.md
       node packages/bench/dist/bench.js name ...  only those, report on stdout
Measurements: ${names.join(", ")}\n`;
const repoRoot = workspaceRoot;
const tools = ["tinybench", "esbuild", "openapi-fetch", "turbo", "@stoplight/prism-cli", "typescript"];

/** What and where the run measured, so that figures are only compared with like. */
function describeSetting(): [string, string][] {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  const dirty = git("status", "--porcelain").split("\n").filter(Boolean).length;
  // npm ci installs exactly what the lockfile says; the bench package's own copy wins, as in resolution.
  const { packages } = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8"));
  const version = (name: string) =>
    (packages[`packages/bench/node_modules/${name}`] ?? packages[`node_modules/${name}`])?.version ?? "?";
  const cpu = `${os.cpus()[0]?.model.trim()}, ${os.availableParallelism()} cores`;
  return [
    ["Machine", `${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()} (${os.arch()})`],
    ["Node", process.version],
    ["Tools", tools.map((name) => `${name} ${version(name)}`).join(", ")],
    ["Commit", git("rev-parse", "HEAD") + (dirty > 0 ? ` plus ${dirty} uncommitted paths (their builds too)` : "")],
    ["Date", new Date().toISOString()],
  ];
}

/** Runs the named measurements (all, by default) and reports; 1 when one of them failed. */
async function runAll(selected: string[]): Promise<number> {
  const began = performance.now();
  const progress = (text: string) => process.stderr.write(`[bench ${seconds(performance.now() - began, 1)}] ${text}\n`);
  const command = selected.length === 0 ? "npm run bench" : `node packages/bench/dist/bench.js ${selected.join(" ")}`;
  const [cores, loadAtStart, setting] = [os.availableParallelism(), os.loadavg(), describeSetting()];
  const sections: Run["sections"] = [];
  let failed = 0;
  for (const { name, title, run } of measurements.filter((m) => selected.length === 0 || selected.includes(m.name))) {
    const started = performance.now();
    progress(`${name}: start`);
    // A measurement that throws still gets its section: the report says what was not measured, and why.
    const section = await run({ repoRoot, progress }).catch((error: unknown): Section => {
      failed += 1;
      progress(`${name}: FAILED ${String(error)}`);
      const why = `Nothing was measured:\n\n\`\`\`\n${error instanceof Error ? error.stack : String(error)}\n\`\`\``;
      return { method: [], tables: [], verdicts: [{ target: "it runs", measured: "it failed", pass: false, why }] };
    });
    sections.push({ ...section, title, elapsedMs: performance.now() - started, loadAfter: os.loadavg()[0]! });
  }
  const elapsedMs = performance.now() - began;
  const report = renderReport({ command, setting, cores, loadAtStart, loadAtEnd: os.loadavg(), elapsedMs, sections });
  if (selected.length > 0) process.stdout.write(report);
  else writeFileSync(join(repoRoot, "BENCHMARKS.md"), report);
  progress(selected.length > 0 ? "done" : "done: wrote BENCHMARKS.md");
  return failed > 0 ? 1 : 0;
}

const args = process.argv.slice(2);
const unknown = args.find((name) => !names.includes(name));
if (args.includes("--help") || args.includes("-h")) process.stdout.write(usage);
else if (unknown === undefined) process.exitCode = await runAll(args);
else {
  process.stderr.write(`bench: unknown measurement "${unknown}"\n\n${usage}`);
  process.exitCode = 2;
}
