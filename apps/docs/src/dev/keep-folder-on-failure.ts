import { cp, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const copyAsIs = { recursive: true, preserveTimestamps: true, verbatimSymlinks: true } as const;

/**
 * Runs a step that writes into `folder` and, when the step fails (its result is not `ok`, or it throws or
 * is aborted), puts the folder back exactly as it was: a build that stops half-way (tsc emits what it can
 * even on type errors) must not replace the last good output that other programs import. The folder stays
 * usable while the step runs; the copy kept meanwhile lives in the system's temp folder.
 *
 * @returns the step's own result.
 */
export async function keepFolderOnFailure<T extends { ok: boolean }>(
  folder: string,
  step: () => Promise<T>,
): Promise<T> {
  const backupRoot = await mkdtemp(join(tmpdir(), "tf-docs-last-good-"));
  const backup = join(backupRoot, "folder");
  try {
    let existed = true;
    await cp(folder, backup, copyAsIs).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      existed = false;
    });
    let ok = false;
    try {
      const result = await step();
      ok = result.ok;
      return result;
    } finally {
      if (!ok) await restore(folder, existed ? backup : undefined);
    }
  } finally {
    await rm(backupRoot, { recursive: true, force: true });
  }
}

/**
 * Puts `backup` in place of `folder` (or removes `folder` when there was none), by copying it next to the
 * folder and swapping with two renames: a Ctrl-C during the slow copy leaves the folder as the failed step
 * left it, never missing or half-copied.
 */
async function restore(folder: string, backup: string | undefined): Promise<void> {
  const suffix = `${process.pid}-${Date.now()}`;
  const staged = `${folder}.last-good-${suffix}`;
  const failed = `${folder}.failed-${suffix}`;
  if (backup !== undefined) await cp(backup, staged, copyAsIs);
  await rename(folder, failed).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  if (backup !== undefined) await rename(staged, folder);
  await rm(failed, { recursive: true, force: true });
}
