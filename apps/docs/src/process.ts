// Running the tools npm start needs (turbo, Redocly): each in a process group of its own, killed with the dev server.
import { spawn } from "node:child_process";

/**
 * Process groups started by this process and still running. Each command runs in a group of its own
 * (so that Ctrl-C in the terminal reaches only the dev server, which then stops them in order); this
 * registry lets the last-chance exit handler kill whatever is left.
 */
const groups = new Set<number>();

/** Records a running group (its leader's PID); call the returned function once it has ended. */
export function trackGroup(pid: number): () => void {
  groups.add(pid);
  return () => {
    groups.delete(pid);
  };
}

/** Sends a signal to every process of a group; a group that is already gone is not an error. */
export function killGroup(pid: number, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Kills every tracked group at once, synchronously: safe inside a process 'exit' handler. */
export function killAllGroups(signal: NodeJS.Signals = "SIGKILL"): void {
  for (const pid of groups) killGroup(pid, signal);
  groups.clear();
}

/** How a command ended, with everything it printed (stdout and stderr interleaved). */
export interface CommandResult {
  ok: boolean;
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  output: string;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  cwd: string;
  env?: Readonly<Record<string, string>>;
  /** Aborting kills the command and everything it started. */
  signal?: AbortSignal;
}

/**
 * Runs a command to completion in its own process group, so that the whole tree it starts (npm, sh,
 * node) can be killed at once when the dev server stops; the output is collected, not streamed.
 *
 * @example
 * const lint = await runCommand("npm", ["run", "lint"], { cwd: specDir });
 * if (!lint.ok) console.error(lint.output);
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new Error(`Not started, already aborted: ${command} ${args.join(" ")}`));
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const untrack = child.pid === undefined ? () => {} : trackGroup(child.pid);
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    const onAbort = () => {
      if (child.pid !== undefined) killGroup(child.pid);
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.once("error", (error) => {
      options.signal?.removeEventListener("abort", onAbort);
      untrack();
      reject(new Error(`Cannot run ${command}: ${error.message}`));
    });
    child.once("close", (code) => {
      options.signal?.removeEventListener("abort", onAbort);
      untrack();
      resolve({ ok: code === 0, code, output: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

const BOX_DRAWING = /[║╔╚═╗╝]/;
// Redocly closes a failed lint with advice to silence every problem; here the fix is to edit the spec.
const IGNORE_FILE_ADVICE = /--generate-ignore-file/;

/**
 * A tool's output without the boxed banners Redocly prints on every run (the Node 20 notice, the
 * Redoc 3 notice), without blank lines and without the advice to ignore every lint problem, so that the
 * errors themselves are what the reader sees.
 */
export function withoutBanners(output: string): string {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "" && !BOX_DRAWING.test(line) && !IGNORE_FILE_ADVICE.test(line))
    .join("\n");
}
