import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The folders (two levels deep, such as `spec/dist`) holding files that a no-op rerun found changed: files
 * the build wrote itself, so they must not be task inputs.
 */
export function selfWrittenFolders(changedPaths: readonly string[]): string[] {
  const folders = changedPaths.map((path) => path.split("/").slice(0, 2).join("/"));
  return [...new Set(folders)].sort();
}

/** The negated input globs that keep those folders out of every task's hash. */
export function exclusionGlobs(folders: readonly string[]): string[] {
  return folders.map((folder) => `!$TURBO_ROOT$/${folder}/**`);
}

/** Adds the exclusions to each task that lists inputs, in a turbo.json (used on the throw-away clone only). */
export async function excludeFromInputs(root: string, globs: readonly string[]): Promise<void> {
  const path = join(root, "turbo.json");
  const config = JSON.parse(await readFile(path, "utf8")) as { tasks: Record<string, { inputs?: string[] }> };
  for (const task of Object.values(config.tasks)) {
    if (task.inputs !== undefined) task.inputs.push(...globs);
  }
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
}
