import { type Dirent, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Whether a path (relative to spec/) can hold an edit of the spec. Not: build output (`dist/`),
 * dependencies (`node_modules/`), dot folders and files (`.turbo/`, `.git/`, `.DS_Store`, editor temp
 * files), editor swap and backup files.
 */
export function isSpecEdit(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? "";
  if (parts[0] === "dist" || parts.includes("node_modules") || parts.some((part) => part.startsWith("."))) return false;
  return !(name.endsWith("~") || /\.sw[a-px]$/.test(name) || name === "4913");
}

/** Every spec file (path relative to spec/) → a fingerprint that changes whenever the file does. */
export type SpecSnapshot = ReadonlyMap<string, string>;

/**
 * Lists the spec's files with their inode, size and mtime, skipping what {@link isSpecEdit} rejects
 * (ignored folders are not even read). The inode catches a file replaced by a rename (`sed -i`,
 * `git checkout`, editors' safe save) even in the unlikely case that size and mtime match.
 *
 * Synchronous on purpose: a spec folder is a few dozen files, so one snapshot costs well under a
 * millisecond, and the first one must exist before {@link watchSpec} returns.
 */
export function snapshotSpec(dir: string): SpecSnapshot {
  const snapshot = new Map<string, string>();
  const visit = (relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(dir, relative), { withFileTypes: true });
    } catch {
      // Gone (or unreadable) since its parent was listed: its files count as deleted.
      return;
    }
    for (const entry of entries) {
      const path = relative === "" ? entry.name : join(relative, entry.name);
      if (!isSpecEdit(path)) continue;
      if (entry.isDirectory()) {
        visit(path);
        continue;
      }
      // stat, not lstat: a symlinked spec file changes when its target does. An entry that cannot be
      // read (a symlink loop, a folder replaced by a file since the listing, no permission) is skipped
      // rather than thrown from the poll timer, which would end `npm start`.
      try {
        const stats = statSync(join(dir, path), { throwIfNoEntry: false });
        if (stats?.isFile()) snapshot.set(path, `${stats.ino}:${stats.size}:${stats.mtimeMs}`);
      } catch {
        // Skipped: see above.
      }
    }
  };
  visit("");
  return snapshot;
}

/** The paths added, changed or deleted between two snapshots, unsorted. */
export function changedPaths(before: SpecSnapshot, after: SpecSnapshot): string[] {
  const changed = [...after].filter(([path, fingerprint]) => before.get(path) !== fingerprint).map(([path]) => path);
  for (const path of before.keys()) if (!after.has(path)) changed.push(path);
  return changed;
}
