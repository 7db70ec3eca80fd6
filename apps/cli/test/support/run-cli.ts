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
  /** Written to stdin, which is then closed. Stdin is a pipe either way: never a terminal. */
  readonly stdin?: string;
}

/**
 * Runs the built CLI (`node dist/bin.js ...args`) and collects its output, then asserts that no test
 * secret (token or password) appears on stdout or stderr: every end-to-end test checks it for free.
 */
export async function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [commandPath, ...args], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.on("error", () => undefined); // the CLI may exit before reading stdin
  child.stdin.end(options.stdin ?? "");
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode) => resolve(exitCode));
  });
  assertNoSecrets({ stdout, stderr });
  return { code, stdout, stderr };
}

/** Fails the test if a test credential was printed. */
export function assertNoSecrets(output: { stdout: string; stderr: string }): void {
  for (const secret of [SECRETS.token, SECRETS.password]) {
    expect(output.stdout, "a secret was printed on stdout").not.toContain(secret);
    expect(output.stderr, "a secret was printed on stderr").not.toContain(secret);
  }
}
