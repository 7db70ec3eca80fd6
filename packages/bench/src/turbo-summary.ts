import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";

/** One task of a turbo run, as its `--summarize` file reports it. */
export interface TurboTask {
  taskId: string;
  cacheHit: boolean;
  durationMs: number;
  exitCode: number | null;
  /** The package folder, relative to the repository root. */
  directory: string;
  /** Tasks this one depends on (`package#task`). */
  dependencies: string[];
  /** Input files (relative to the package folder) and their hashes. */
  inputs: Record<string, string>;
}

interface SummaryFile {
  tasks: {
    taskId: string;
    cache: { status: string };
    directory?: string;
    dependencies?: string[];
    inputs?: Record<string, string>;
    execution?: { startTime: number; endTime: number; exitCode: number | null };
  }[];
}

/** Reads the run summaries in `<root>/.turbo/runs` that are not in `seen`, newest last, and marks them seen. */
export async function readNewSummary(root: string, seen: Set<string>): Promise<TurboTask[]> {
  const folder = join(root, ".turbo", "runs");
  const fresh = (await readdir(folder)).filter((name) => name.endsWith(".json") && !seen.has(name));
  if (fresh.length !== 1) throw new Error(`expected one new turbo run summary in ${folder}, found ${fresh.length}`);
  const name = fresh[0]!;
  seen.add(name);
  const summary = JSON.parse(await readFile(join(folder, name), "utf8")) as SummaryFile;
  return summary.tasks
    .map((task) => ({
      taskId: task.taskId,
      cacheHit: task.cache.status === "HIT",
      durationMs: task.execution === undefined ? 0 : task.execution.endTime - task.execution.startTime,
      exitCode: task.execution?.exitCode ?? null,
      directory: task.directory ?? ".",
      dependencies: task.dependencies ?? [],
      inputs: task.inputs ?? {},
    }))
    .sort((a, b) => a.taskId.localeCompare(b.taskId));
}

/** Input files of a task (relative to the repository root) that appeared or changed from one run to the next. */
export function changedInputs(before: TurboTask, after: TurboTask): string[] {
  return Object.entries(after.inputs)
    .filter(([file, hash]) => before.inputs[file] !== hash)
    .map(([file]) => posix.normalize(posix.join(after.directory, file)));
}
