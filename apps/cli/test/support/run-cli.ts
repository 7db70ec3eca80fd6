import { spawn } from "node:child_process";
import { expect } from "vitest";
import { commandPath, packageDir } from "./paths.js";
import { SECRETS } from "./secrets.js";

/** What a finished CLI process left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the CLI. */
export interface RunOptions {
  /** The CLI's whole environment besides PATH: nothing leaks in from the test runner's (TF_* included). */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to stdin, which is then closed (unless `keepStdinOpen`). Stdin is a pipe either way: never a terminal. */
  readonly stdin?: string | Uint8Array;
  readonly keepStdinOpen?: boolean;
  /** Close the reading end of the CLI's stdout or stderr at once, as `tf-orders … | true` does. */
  readonly closeStdout?: boolean;
  readonly closeStderr?: boolean;
}

/**
 * Runs the built CLI (`node dist/bin.js ...args`) and collects its output, then asserts that no test
 * secret (token or password) appears on stdout or stderr: every end-to-end test checks it for free.
 */
export async function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** Starts the built CLI like {@link runCli}, handing back the child process (to signal it) beside its outcome. */
export function startCli(args: readonly string[], options: RunOptions = {}) {
  const child = spawn(process.execPath, [commandPath, ...args], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  if (options.closeStdout) child.stdout.destroy();
  else
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
  if (options.closeStderr) child.stderr.destroy();
  else
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
  child.stdin.on("error", () => undefined); // the CLI may exit before reading stdin
  if (options.keepStdinOpen) child.stdin.write(options.stdin ?? "");
  else child.stdin.end(options.stdin ?? "");
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      assertNoSecrets({ stdout, stderr });
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done };
}

/** Fails the test if a test credential was printed. */
export function assertNoSecrets(output: { stdout: string; stderr: string }): void {
  for (const secret of [SECRETS.token, SECRETS.password]) {
    expect(output.stdout, "a secret was printed on stdout").not.toContain(secret);
    expect(output.stderr, "a secret was printed on stderr").not.toContain(secret);
  }
}
