import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const runAll = fileURLToPath(new URL("../dist/run-all.js", import.meta.url));
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [runAll, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

// Only arguments that stop before any benchmark runs: the benchmarks themselves are `npm run bench`'s job.
describe("run-all's arguments", () => {
  it.each([["--help"], ["-h"]])("%s prints the usage and the benchmark names, and exits 0", async (flag) => {
    const { code, stdout } = await run([flag]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: npm run bench");
    expect(stdout).toContain("Benchmarks: overhead, validation, size, pipeline, mock");
  });

  it.each([
    [["--bogus"], 'unknown argument "--bogus"'],
    [["--out"], "--out needs a file name"],
  ])("%j is refused with the usage and exit 2", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: npm run bench");
  });
});
