import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** A private copy of a spec file, removed by `remove()`. */
export interface SpecSnapshot {
  path: string;
  /** The temporary folder holding the copy. */
  folder: string;
  remove(): Promise<void>;
}

/**
 * Copies a single-file spec into a fresh temporary folder.
 *
 * Prism watches the document it serves and restarts when it changes; with port 0 the restarted server
 * listens on a new random port, so a rebuild of the bundle would silently orphan the URL we handed out.
 * Serving a private copy keeps one contract for the life of the server: restart it to pick up changes.
 */
export async function snapshotSpec(specPath: string): Promise<SpecSnapshot> {
  const folder = await mkdtemp(join(tmpdir(), "tf-orders-mock-"));
  const path = join(folder, basename(specPath));
  try {
    await copyFile(specPath, path);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw new Error(`Cannot read the spec ${specPath}: ${(error as Error).message}`, { cause: error });
  }
  return { path, folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
