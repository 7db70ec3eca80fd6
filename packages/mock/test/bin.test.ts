import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { purchase, requestExamples } from "./contract/support/purchase-examples.ts";
import { postOrderRaw } from "./contract/support/raw-order.ts";
import { engineProcesses } from "./support/engine-processes.ts";
import { loginExample, postLoginExample } from "./support/login-example.ts";
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
  // Each run also checks the request log: printed by default, and not at all with --quiet.
  it.each([
    ["SIGINT", []],
    ["SIGTERM", ["--quiet"]],
  ] as const)("serves until %s, then exits 0 and leaves nothing listening (flags %j)", async (signal, flags) => {
    const order = requestExamples()[0]?.[1] as Record<string, unknown>;
    const headers = { authorization: "bin-test-token", accept: "application/json" };
    const { child, url, exit, output } = runBin(["--port", "0", ...flags]);
    try {
      const base = await url;
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await expect(postLoginExample(base)).resolves.toMatchObject({ status: 200 });
      await expect(postOrderRaw(base, order, headers)).resolves.toMatchObject({ status: 200 });
      await expect(postOrderRaw(base, { ...order, serviceArea: 6 }, headers)).resolves.toMatchObject({ status: 422 });

      child.kill(signal);
      const [code] = await exit;
      expect(code).toBe(0);
      await expect(fetch(base)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
    }
    // All output is in once the bin has exited.
    const logged = output.filter((line) => /^[A-Z]+ \//.test(line)).map((line) => line.replace(/ \(\d+ ms\)$/, ""));
    expect(logged).toEqual(
      flags.length === 0
        ? [
            `POST ${loginExample().path} 200`,
            `POST ${purchase.path} 200`,
            `POST ${purchase.path} 422 The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5`,
          ]
        : [],
    );
    expect(output.join("\n")).not.toContain("bin-test-token");
  });

  it("takes its Prism engines with it when killed with no chance to clean up (SIGKILL)", async () => {
    const { child, url, exit } = runBin(["--port", "0", "--quiet"]);
    try {
      const base = await url;
      // An invalid order starts the second engine too.
      const order = { ...(requestExamples()[0]?.[1] as object), serviceArea: 6 };
      await expect(postOrderRaw(base, order, { authorization: "bin-test-token" })).resolves.toMatchObject({
        status: 422,
      });
      const engines = engineProcesses(child.pid!);
      expect(engines, "the Prism engines run as the bin's children").toHaveLength(2);

      child.kill("SIGKILL");
      await exit;
      // No request after the kill: an idle engine is exactly the case that would keep running.
      await expect.poll(() => engines.filter(isRunning), { timeout: 15_000, interval: 100 }).toEqual([]);
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
