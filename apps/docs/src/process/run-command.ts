import { spawn } from "node:child_process";
import { killGroup, trackGroup } from "./process-groups.js";

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
