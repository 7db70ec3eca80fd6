import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root: the nearest folder above this file whose package.json declares workspaces. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = from;
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { workspaces?: unknown };
      if (parsed.workspaces !== undefined) return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json with "workspaces" above ${from}`);
    folder = parent;
  }
}
