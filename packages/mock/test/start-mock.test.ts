import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledSpecPath } from "../src/bundled-spec.ts";
import { PrismStartError } from "../src/prism-start-error.ts";
import { startMock } from "../src/start-mock.ts";
import { loginExample, postLoginExample } from "./support/login-example.ts";
import { isRunning } from "./support/process-alive.ts";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "tf-orders-mock-test-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("startMock", () => {
  it("serves the bundled spec on a free port, and stop() leaves no process behind", async () => {
    const mock = await startMock();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.url).not.toMatch(/:0$/);
    expect(isRunning(mock.pid)).toBe(true);

    await expect(postLoginExample(mock.url)).resolves.toEqual({ status: 200, body: loginExample().token });

    await mock.stop();
    expect(isRunning(mock.pid)).toBe(false);
    await expect(fetch(mock.url)).rejects.toThrow();
    await expect(mock.stop()).resolves.toBeUndefined();
  });

  it("keeps serving on the same URL when the spec file is rewritten under it", async () => {
    // Prism reloads a changed document and, with port 0, comes back on another port; the mock serves a copy.
    const spec = join(scratch, "changing.yaml");
    await copyFile(bundledSpecPath(), spec);
    const mock = await startMock({ spec });
    try {
      await writeFile(spec, "openapi: 3.1.0\ninfo: {title: changed, version: '2'}\npaths: {}\n");
      // Prism's watcher waits for 500 ms of stability before reloading; give it time to (not) react.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await expect(postLoginExample(mock.url)).resolves.toMatchObject({ status: 200 });
    } finally {
      await mock.stop();
    }
  });

  const brokenSpecs: [string, string, RegExp][] = [
    [
      "a spec with no operations",
      "openapi: 3.1.0\ninfo: {title: empty, version: '1'}\npaths: {}\n",
      /No operations found/,
    ],
  ];
  it.each(brokenSpecs)("fails fast with Prism's log on %s, leaving no process", async (_name, text, cause) => {
    const spec = join(scratch, `broken-${String(Math.random()).slice(2)}.yaml`);
    await writeFile(spec, text);
    const error = await startMock({ spec }).then(
      () => expect.fail("startMock resolved"),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PrismStartError);
    const failure = error as PrismStartError;
    expect(failure.message).toMatch(/fatal/);
    expect(failure.log).toMatch(cause);
    expect(failure.message).toMatch(cause);
    expect(failure.pid).toBeTypeOf("number");
    expect(failure.portInUse).toBe(false);
    expect(isRunning(failure.pid ?? -1)).toBe(false);
  });

  it("rejects a missing spec file with its path", async () => {
    await expect(startMock({ spec: join(scratch, "nope.yaml") })).rejects.toThrow(/nope\.yaml/);
  });

  describe("on a port that is taken", () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => blocker.close(resolve));
    });

    it("says which port is in use, without Prism's usage text", async () => {
      const error = (await startMock({ port }).catch((reason: unknown) => reason)) as PrismStartError;
      expect(error).toBeInstanceOf(PrismStartError);
      expect(error.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(error.portInUse).toBe(true);
      expect(error.log).toMatch(/EADDRINUSE/);
      expect(error.log).not.toMatch(/Positionals:/);
      expect(isRunning(error.pid ?? -1)).toBe(false);
    });
  });
});
