import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand, withoutBanners } from "../src/process.js";
import { isAlive } from "./support/process-tree.js";

const node = process.execPath;

describe("runCommand", () => {
  it.each([
    ["success", "process.stdout.write('out'); process.stderr.write('err')", { ok: true, code: 0, output: "outerr" }],
    ["failure", "console.log('bad'); process.exit(3)", { ok: false, code: 3, output: "bad\n" }],
  ])("reports %s with the exit code and the output", async (_name, script, expected) => {
    await expect(runCommand(node, ["-e", script], { cwd: process.cwd() })).resolves.toEqual(expected);
  });

  it("passes extra environment", async () => {
    const result = await runCommand(node, ["-e", "process.stdout.write(process.env.TF_PROBE)"], {
      cwd: process.cwd(),
      env: { TF_PROBE: "yes" },
    });
    expect(result.output).toBe("yes");
  });

  it("kills the whole process group on abort, grandchildren included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tf-docs-run-"));
    const pidFile = join(dir, "grandchild.pid");
    const controller = new AbortController();
    // The child starts a grandchild and writes its PID down; both would sleep for a minute.
    const script = `const c = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setTimeout(() => {}, 60000);`;
    const running = runCommand(node, ["-e", script], { cwd: process.cwd(), signal: controller.signal });
    const grandchildPid = async () => Number(await readFile(pidFile, "utf8").catch(() => "0"));
    await expect.poll(grandchildPid, { timeout: 20_000 }).toBeGreaterThan(0);
    const grandchild = await grandchildPid();
    expect(isAlive(grandchild)).toBe(true);
    controller.abort();
    await expect(running).resolves.toMatchObject({ ok: false, code: null });
    await expect.poll(() => isAlive(grandchild), { timeout: 10_000 }).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it("names a command that cannot start", async () => {
    await expect(runCommand("/nonexistent/tool", [], { cwd: process.cwd() })).rejects.toThrow(
      "Cannot run /nonexistent/tool",
    );
  });
});

describe("withoutBanners", () => {
  it.each([
    [
      "a boxed banner",
      "╔════╗\n║  Node 20 is old  ║\n╚════╝\nvalidating openapi.yaml...",
      "validating openapi.yaml...",
    ],
    ["blank lines", "a\n\n  \nb\n", "a\nb"],
    [
      "the advice to ignore every problem",
      "❌ Validation failed with 1 error.\nrun `redocly lint --generate-ignore-file` to add all problems to the ignore file.",
      "❌ Validation failed with 1 error.",
    ],
    [
      "nothing from a lint error",
      "[1] a.yaml:2:7 at #/type\n2 | type: integr\n  |       ^^^^^^",
      "[1] a.yaml:2:7 at #/type\n2 | type: integr\n  |       ^^^^^^",
    ],
  ])("drops %s", (_name, output, expected) => {
    expect(withoutBanners(output)).toBe(expected);
  });
});
