/**
 * Node arguments and environment that make a child process end, and delete `ownedDir`, as soon as its parent
 * is gone — even when the parent had no chance to clean up (SIGKILL, a crash, a SIGTERM nobody handles).
 * Without them Prism would outlive such a parent and keep the port (4010 for `npm run mock`) taken.
 *
 * The child must be spawned with `stdio[0]: "pipe"`: its stdin is then a pipe whose only writer is the
 * parent, so the pipe ends exactly when the parent exits. The watcher is preloaded as a `data:` URL, so it
 * needs no file on disk, and it is unref'd, so it never keeps a child alive that would exit by itself.
 */
export function dieWithParent(ownedDir: string | undefined): { execArgv: string[]; env: Record<string, string> } {
  const source = [
    'import { rmSync } from "node:fs";',
    "const owned = process.env.TF_ORDERS_OWNED_DIR;",
    "process.stdin.on('end', () => {",
    "  if (owned) rmSync(owned, { recursive: true, force: true });",
    "  process.exit(0);",
    "});",
    "process.stdin.on('error', () => {});",
    "process.stdin.resume();",
    "process.stdin.unref?.();",
  ].join("\n");
  return {
    execArgv: ["--import", `data:text/javascript,${encodeURIComponent(source)}`],
    env: ownedDir === undefined ? {} : { TF_ORDERS_OWNED_DIR: ownedDir },
  };
}
