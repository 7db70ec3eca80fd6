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
