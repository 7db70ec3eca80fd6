import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { childCommands } from "./support/child-commands.ts";
import { postLoginExample } from "./support/login-example.ts";
import { isRunning } from "./support/process-alive.ts";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function runBin(args: string[]) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build -w @tf-orders/mock\` first`);
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const url = new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      output.push(line);
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    createInterface({ input: child.stdout }).on("line", onLine);
    createInterface({ input: child.stderr }).on("line", onLine);
    child.once("close", () => reject(new Error(`the bin exited before listening:\n${output.join("\n")}`)));
  });
  // Not every run reaches "listening"; the tests that expect it await `url`, the others must not see a rejection.
  url.catch(() => undefined);
  const exit = once(child, "close") as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, url, exit, output };
}

describe("tf-orders-mock", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "serves until %s, then exits 0 and leaves nothing listening",
    async (signal) => {
      const { child, url, exit } = runBin(["--port", "0", "--quiet"]);
      try {
        const base = await url;
        expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        await expect(postLoginExample(base)).resolves.toMatchObject({ status: 200 });

        child.kill(signal);
        const [code] = await exit;
        expect(code).toBe(0);
        await expect(fetch(base)).rejects.toThrow();
      } finally {
        child.kill("SIGKILL");
      }
    },
  );

  it("takes Prism and its spec copy with it when killed with no chance to clean up (SIGKILL)", async () => {
    const { child, url, exit } = runBin(["--port", "0", "--quiet"]);
    try {
      const base = await url;
      await expect(postLoginExample(base)).resolves.toMatchObject({ status: 200 });
      const prism = childCommands(child.pid!).find(({ argv }) => argv.some((arg) => /prism-cli/.test(arg)));
      expect(prism, "Prism runs as the bin's child").toBeDefined();
      const specCopy = prism!.argv[prism!.argv.indexOf("mock") + 1]!;
      expect(existsSync(specCopy)).toBe(true);

      child.kill("SIGKILL");
      await exit;
      // No request after the kill: Prism would die on its next log line to the closed pipe anyway, and an
      // idle one is exactly the case that used to keep the port taken.
      await expect.poll(() => isRunning(prism!.pid), { timeout: 15_000, interval: 100 }).toBe(false);
      await expect.poll(() => existsSync(dirname(specCopy)), { timeout: 5000, interval: 50 }).toBe(false);
      await expect(fetch(base)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
    }
  });

  it.each([
    [["--port", "http"], /--port must be a port number/],
    [["--verbose"], /Unknown option '--verbose'/],
  ])("rejects %j with a clear message and exit code 2", async (args, message) => {
    const { exit, output } = runBin(args);
    const [code] = await exit;
    expect(code).toBe(2);
    expect(output.join("\n")).toMatch(message);
  });

  describe("the installed command", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      bin: Record<string, string>;
    };
    const shim = fileURLToPath(new URL(`../${manifest.bin["tf-orders-mock"]}`, import.meta.url));
    const run = promisify(execFile);

    it("is a committed file outside dist/, so `npm ci` can link it before anything is built, and runs the built bin", async () => {
      expect(shim).not.toMatch(/[\\/]dist[\\/]/);
      const { stdout } = await run(process.execPath, [shim, "--help"]);
      expect(stdout).toContain("Usage: tf-orders-mock");
    });

    it("says how to build when dist/ is missing", async () => {
      const folder = await mkdtemp(join(tmpdir(), "tf-orders-mock-shim-"));
      try {
        await mkdir(join(folder, "bin"));
        await copyFile(shim, join(folder, "bin", "tf-orders-mock.js"));
        const failed = await run(process.execPath, [join(folder, "bin", "tf-orders-mock.js")]).then(
          () => expect.fail("the shim succeeded without dist/"),
          (error: { code: number; stderr: string }) => error,
        );
        expect(failed.code).toBe(1);
        expect(failed.stderr).toContain("tf-orders-mock is not built yet: run `npm run build`");
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  });
});
