import { spawn } from "node:child_process";
import { commandPath, packageDir } from "./paths.js";
import type { CliRun } from "./run-cli.js";
import { assertNoSecrets } from "./run-cli.js";

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * Runs the built CLI on a pseudo-terminal through util-linux `script`, typing `typed` at it, so the
 * CLI's real `isTTY` check and prompt are exercised. stdout and stderr arrive merged in `stdout`, as
 * on a real terminal. Asserts that no test secret was printed.
 */
export async function runCliOnTerminal(
  args: readonly string[],
  typed: string,
  env: Readonly<Record<string, string>>,
  /** Type only once the output matches this (a prompt), as a person would; by default at once. */
  after?: RegExp,
): Promise<CliRun> {
  const command = [process.execPath, commandPath, ...args].map(shellQuote).join(" ");
  const child = spawn("script", ["--quiet", "--return", "--command", command, "/dev/null"], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? "", SHELL: "/bin/sh", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  if (after === undefined) child.stdin.end(typed);
  else {
    const typeWhenAsked = () => {
      if (!after.test(stdout)) return;
      child.stdout.off("data", typeWhenAsked);
      child.stdin.end(typed);
    };
    child.stdout.on("data", typeWhenAsked);
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  assertNoSecrets({ stdout, stderr });
  return { code, stdout, stderr };
}
