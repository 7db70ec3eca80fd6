import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";

/** The machine and checkout a run measured, so figures can be compared only with like. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** ISO 8601 time the run started. */
  date: string;
  commit: string;
  /** Paths with uncommitted changes when the run started (the benchmarks use the working tree's builds). */
  uncommittedPaths: number;
  /** 1, 5 and 15-minute load averages at the start of the run. */
  loadAtStart: readonly number[];
  /** Installed versions of the tools the figures depend on, by package name. */
  tools: Record<string, string>;
}

/** The packages whose versions the report names. */
const toolPackages = ["tinybench", "esbuild", "openapi-fetch", "turbo", "@stoplight/prism-cli", "typescript"];

/** The installed version of a package, as the bench package resolves it (its own node_modules first). */
function installedVersion(repoRoot: string, name: string): string {
  for (const folder of [join(repoRoot, "packages", "bench"), repoRoot]) {
    const manifest = join(folder, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  return "not installed";
}

function git(repoRoot: string, args: string[]): string {
  return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
}

/** Describes this machine and the repository's checkout. */
export function describeMachine(repoRoot: string): Machine {
  const cpus = os.cpus();
  const status = git(repoRoot, ["status", "--porcelain"]);
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString(),
    commit: git(repoRoot, ["rev-parse", "HEAD"]),
    uncommittedPaths: status === "" ? 0 : status.split("\n").length,
    loadAtStart: os.loadavg(),
    tools: Object.fromEntries(toolPackages.map((name) => [name, installedVersion(repoRoot, name)])),
  };
}
