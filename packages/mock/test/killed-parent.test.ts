import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cpuMilliseconds, markedProcesses, processMark } from "./support/marked-processes.ts";

const built = new URL("../dist/index.js", import.meta.url);

// The caller is killed (SIGKILL: no exit handler runs) while Prism is still starting, before anything could
// be stopped or cleaned up by the caller itself.
describe("when the process that started it is killed while Prism is still starting", () => {
  it.each([
    ["startMock", "startMock()"],
    ["startProxy", 'startProxy({ upstream: "http://127.0.0.1:9" })'],
  ])("%s leaves no process and no temporary folder behind", async (_name, call) => {
    if (!existsSync(fileURLToPath(built))) throw new Error("dist/ is missing: run `npm run build -w @tf-orders/mock`");
    const scratch = await mkdtemp(join(tmpdir(), "tf-orders-killed-parent-"));
    const mark = randomUUID();
    try {
      const script = `import { startMock, startProxy } from ${JSON.stringify(built.href)};\nawait ${call};\nconsole.log("started");`;
      const parent = spawn(process.execPath, ["--input-type=module", "--eval", script], {
        // Its temporary folders go to a folder of this test only, and every process it starts carries the mark.
        env: { ...process.env, TMPDIR: scratch, [processMark]: mark },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let output = "";
      parent.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const closed = once(parent, "close");
      // Prism is starting once a child of the caller (the caller itself carries the mark too) is busy loading it.
      // Prism takes seconds of CPU to start; a third of one is well inside that.
      await expect
        .poll(() => markedProcesses(mark).some((pid) => pid !== parent.pid && cpuMilliseconds(pid) >= 300), {
          timeout: 30_000,
          interval: 10,
        })
        .toBe(true);
      expect(output).not.toContain("started");

      parent.kill("SIGKILL");
      await closed;
      await expect.poll(() => markedProcesses(mark), { timeout: 30_000, interval: 100 }).toEqual([]);
      expect(await readdir(scratch)).toEqual([]);
    } finally {
      for (const pid of markedProcesses(mark)) process.kill(pid, "SIGKILL");
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
