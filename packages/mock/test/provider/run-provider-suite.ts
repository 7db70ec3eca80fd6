import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One test as vitest's JSON reporter lists it. */
export interface ReportedTest {
  title: string;
  status: "passed" | "failed" | "skipped" | "pending" | "todo";
  failureMessages: string[];
}

/** The outcome of a nested `vitest run --project provider`. */
export interface ProviderRun {
  exitCode: number | null;
  tests: ReportedTest[];
  output: string;
}

const require = createRequire(import.meta.url);
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs the `provider` project exactly as a user would (`vitest run --project provider`), in a child process
 * with only the given TF_* variables, and returns vitest's own JSON report of it.
 */
export async function runProviderSuite(variables: Record<string, string>): Promise<ProviderRun> {
  const vitestManifest = require.resolve("vitest/package.json");
  const vitestBin = join(dirname(vitestManifest), (require(vitestManifest) as { bin: { vitest: string } }).bin.vitest);
  const scratch = await mkdtemp(join(tmpdir(), "tf-orders-provider-run-"));
  const reportFile = join(scratch, "report.json");
  // Start from this process's environment minus anything that would configure the run differently.
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(TF_|VITEST)/.test(name)) env[name] = value;
  }
  Object.assign(env, variables);
  try {
    const child = spawn(
      process.execPath,
      [
        vitestBin,
        "run",
        "--project",
        "provider",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${reportFile}`,
      ],
      { cwd: packageRoot, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const [exitCode] = (await once(child, "close")) as [number | null];
    const report = (await readFile(reportFile, "utf8").then(
      (text) => JSON.parse(text) as unknown,
      () => {
        throw new Error(`the provider run wrote no report (exit code ${String(exitCode)}):\n${output}`);
      },
    )) as { testResults: { assertionResults: ReportedTest[] }[] };
    return { exitCode, tests: report.testResults.flatMap((file) => file.assertionResults), output };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
