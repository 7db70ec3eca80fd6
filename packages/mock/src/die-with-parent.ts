/**
 * Node arguments and environment that make a child process end, and delete `ownedDir`, as soon as its parent
 * is gone — even when the parent had no chance to clean up (SIGKILL, a crash, a SIGTERM nobody handles).
 * Without them the Prism CLI would outlive such a parent and keep its port taken.
 *
 * The child must be spawned with `stdio[0]: "pipe"`: its stdin is then a pipe whose only writer is the
 * parent, so the pipe ends exactly when the parent exits. A parent killed while the child is busy starting is
 * often noticed first as a write to its closed stdout (EPIPE), which would crash the child before the folder is
 * deleted, so that counts as the parent's end too. The watcher is preloaded as a `data:` URL, so it needs no
 * file on disk, and it is unref'd, so it never keeps a child alive that would exit by itself.
 */
export function dieWithParent(ownedDir: string | undefined): { execArgv: string[]; env: Record<string, string> } {
  const source = [
    'import { rmSync } from "node:fs";',
    "const owned = process.env.TF_ORDERS_OWNED_DIR;",
    "const orphaned = () => {",
    "  if (owned) rmSync(owned, { recursive: true, force: true });",
    "  process.exit(0);",
    "};",
    "process.stdin.on('end', orphaned);",
    "process.stdin.on('error', () => {});",
    // The child's first write to a pipe nobody reads (EPIPE) would otherwise crash it before 'end' is seen.
    "for (const output of [process.stdout, process.stderr])",
    "  output.on('error', (error) => (error.code === 'EPIPE' ? orphaned() : undefined));",
    "process.stdin.resume();",
    "process.stdin.unref?.();",
  ].join("\n");
  return {
    execArgv: ["--import", `data:text/javascript,${encodeURIComponent(source)}`],
    env: ownedDir === undefined ? {} : { TF_ORDERS_OWNED_DIR: ownedDir },
  };
}
