import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A finished process and what GNU time measured of it (children included). */
export interface TimedRun {
  exitCode: number;
  /** stdout and stderr interleaved as printed. */
  output: string;
  wallMs: number;
  userMs: number;
  systemMs: number;
  /** The largest resident set of the process or any one of its descendants. */
  maxRssKb: number;
}

/** `/usr/bin/time -v` (GNU time): measures a whole process tree's wall, CPU and peak memory. */
export const gnuTime = "/usr/bin/time";

function field(report: string, label: string): string {
  const line = report.split("\n").find((candidate) => candidate.trim().startsWith(label));
  if (line === undefined) throw new Error(`GNU time printed no "${label}"`);
  return line.slice(line.lastIndexOf(": ") + 2).trim();
}

/** Parses `h:mm:ss` or `m:ss.cc` into milliseconds. */
export function parseElapsed(text: string): number {
  const parts = text.split(":").map(Number);
  if (parts.some((part) => !Number.isFinite(part))) throw new Error(`unreadable elapsed time "${text}"`);
  return parts.reduce((total, part) => total * 60 + part, 0) * 1000;
}

/** Parses the report of `time -v` into the fields this harness uses. */
export function parseGnuTime(report: string): Omit<TimedRun, "exitCode" | "output"> {
  return {
    wallMs: parseElapsed(field(report, "Elapsed (wall clock) time")),
    userMs: Number(field(report, "User time (seconds)")) * 1000,
    systemMs: Number(field(report, "System time (seconds)")) * 1000,
    maxRssKb: Number(field(report, "Maximum resident set size (kbytes)")),
  };
}

/** Runs a command under `/usr/bin/time -v` and collects its output and resource use. */
export async function runTimed(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<TimedRun> {
  const scratch = await mkdtemp(join(tmpdir(), "tf-bench-time-"));
  const reportFile = join(scratch, "time.txt");
  try {
    const child = spawn(gnuTime, ["-v", "-o", reportFile, command, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code ?? 1));
    });
    const report = await readFile(reportFile, "utf8");
    return { exitCode, output: Buffer.concat(chunks).toString("utf8"), ...parseGnuTime(report) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
