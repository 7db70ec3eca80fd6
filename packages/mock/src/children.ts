// Child processes this one starts and answers for: their output, their end, and their end when this one dies.
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { stripVTControlCharacters } from "node:util";

/** A child process this one started and answers for: its output, its end, and how to stop it. */
export interface SupervisedChild {
  readonly pid: number;
  /** Settles once the child has exited and every line it printed has been read. */
  readonly closed: Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers; resolves once the child is gone. Calling it again returns the same promise. */
  stop(): Promise<void>;
  /** The child's latest output lines, colours stripped, for diagnostics. */
  log(): string;
}

const keptLines = 200;
const stopGraceMs = 3000;

/**
 * Reads a child's stdout and stderr line by line (colours stripped; each line also goes to `onLine`), kills it
 * if this process exits first, and stops it on request. The child must have been spawned with piped stdout
 * and stderr.
 */
export function supervise(child: ChildProcess, onLine: (line: string) => void): SupervisedChild {
  const lines: string[] = [];
  const read = (raw: string) => {
    // Prism's logger colours its badges; FORCE_COLOR=0 is honoured, but a parent may force colour anyway.
    const line = stripVTControlCharacters(raw);
    lines.push(line);
    if (lines.length > keptLines) lines.shift();
    onLine(line);
  };
  if (child.stdout) createInterface({ input: child.stdout }).on("line", read);
  if (child.stderr) createInterface({ input: child.stderr }).on("line", read);

  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  const closed = new Promise<void>((resolve) => {
    // "close" (not "exit"): every line the child printed has been read by then.
    child.once("close", () => {
      process.off("exit", killOnExit);
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), stopGraceMs);
        await closed;
        clearTimeout(timer);
      }
    })();
    return stopping;
  };

  return { pid: child.pid ?? -1, closed, stop, log: () => lines.join("\n") };
}

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
