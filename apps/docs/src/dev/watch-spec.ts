import { changedPaths, snapshotSpec } from "./spec-snapshot.js";

/** A running watcher. */
export interface SpecWatcher {
  close(): void;
}

/** How often {@link watchSpec} looks, and how long edits must settle before it reports them. */
export interface WatchSpecOptions {
  /** Time between two snapshots (default 300 ms). */
  pollMs?: number;
  /** Quiet time after the last change before the report (default 300 ms). */
  debounceMs?: number;
}

/**
 * Watches a spec folder by comparing snapshots of its files (path → inode, size, mtime) a few times a
 * second. Not fs.watch: on Linux, Node 20's recursive fs.watch watches each file's inode, so once a file
 * is replaced by a rename (`sed -i`, `git checkout`, editors' safe save) its later edits go unreported.
 * Polling sees in-place writes, replacements, new and deleted files and new folders alike, and reports
 * nothing when nothing changed.
 *
 * Edits are reported once they settle: an editor's save is often several steps, and one rebuild per save
 * is what the user wants.
 *
 * @param onChange receives the added, changed and deleted paths (relative to `dir`, sorted).
 */
export function watchSpec(
  dir: string,
  onChange: (paths: string[]) => void,
  options: WatchSpecOptions = {},
): SpecWatcher {
  const { pollMs = 300, debounceMs = 300 } = options;
  let snapshot = snapshotSpec(dir);
  const pending = new Set<string>();
  let lastChangeAt = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = () => {
    try {
      const next = snapshotSpec(dir);
      const changed = changedPaths(snapshot, next);
      snapshot = next;
      if (changed.length > 0) {
        for (const path of changed) pending.add(path);
        lastChangeAt = Date.now();
      } else if (pending.size > 0 && Date.now() - lastChangeAt >= debounceMs) {
        const paths = [...pending].sort();
        pending.clear();
        onChange(paths);
      }
    } finally {
      // A timeout per poll rather than an interval: polls never pile up behind a slow disk.
      if (!closed) timer = setTimeout(poll, pollMs);
    }
  };
  timer = setTimeout(poll, pollMs);
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
