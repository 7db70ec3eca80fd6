import { watch } from "node:fs";
import { basename } from "node:path";

/** Files whose change is no edit of the spec: build output, dependencies, editor swap and backup files. */
export function isSpecEdit(relativePath: string): boolean {
  const [top] = relativePath.split(/[\\/]/);
  const name = basename(relativePath);
  if (top === "dist" || top === "node_modules") return false;
  return !(name.startsWith(".") || name.endsWith("~") || /\.sw[a-px]$/.test(name) || name === "4913");
}

/** A running watcher. */
export interface SpecWatcher {
  close(): void;
}

/**
 * Watches a spec folder recursively and reports edits once they settle: an editor's save is often several
 * events (write, rename, chmod), and one rebuild per save is what the user wants.
 *
 * @param onChange receives the changed paths (relative to `dir`, sorted) after `debounceMs` of quiet.
 */
export function watchSpec(dir: string, onChange: (paths: string[]) => void, debounceMs = 250): SpecWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, (_event, filename) => {
    const path = filename?.toString();
    if (path === undefined || !isSpecEdit(path)) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, debounceMs);
  });
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
