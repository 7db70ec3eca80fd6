import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { commandPath } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

describe("the installed tf-orders command", () => {
  it("--version prints the version of its package.json", async () => {
    const run = await runCli(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    [["--help"], "Usage: tf-orders <command> [options]"],
    [["order", "--help"], "Usage: tf-orders order [options]"],
    [["login", "--help"], "Usage: tf-orders login [options]"],
  ])("%j prints its help, exit codes included, on stdout", async (args, usage) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(usage)).toBe(true);
    expect(run.stdout).toMatch(/^ *6 +outcome unknown: check your orders before retrying/m);
  });
});

describe("the installed command", () => {
  it("is a committed file outside dist/, so `npm ci` links it before anything is built", () => {
    expect(commandPath).not.toMatch(/[\\/]dist[\\/]/);
  });

  it("says how to build when dist/ is missing", async () => {
    const folder = await mkdtemp(join(tmpdir(), "tf-orders-cli-shim-"));
    try {
      await mkdir(join(folder, "bin"));
      await copyFile(commandPath, join(folder, "bin", "tf-orders.js"));
      const failed = await promisify(execFile)(process.execPath, [
        join(folder, "bin", "tf-orders.js"),
        "--version",
      ]).then(
        () => expect.fail("the command succeeded without dist/"),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain("tf-orders is not built yet: run `npm run build`");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
