import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const bench = fileURLToPath(new URL("../dist/bench.js", import.meta.url));
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [bench, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

// Only arguments that stop before any measurement runs: measuring is `npm run bench`'s job.
describe("bench's arguments", () => {
  it.each([["--help"], ["-h"]])("%s prints the usage and every measurement's name, and exits 0", async (flag) => {
    const { code, stdout } = await run([flag]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: npm run bench");
    expect(stdout).toContain(
      "Measurements: overhead, validation, size, pipeline, mock, endless, attack, start, desk\n",
    );
  });

  it.each([
    [["bogus"], 'unknown measurement "bogus"'],
    [["size", "--out"], 'unknown measurement "--out"'],
  ])("%j is refused with the usage and exit 2", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: npm run bench");
  });
});
