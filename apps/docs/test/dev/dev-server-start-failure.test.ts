import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDevServer } from "../../src/dev/dev-server.js";
import { siteDir } from "../../src/site/locations.js";
import { descendants } from "../support/process-tree.js";

let workspace: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something still listens on the port: a closed one can be listened on again. */
async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

// A built workspace whose bundle lost its curl sample: the dev server gets as far as a running docs server
// and mock before it finds out, and must take both down again.
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "tf-docs-start-failure-"));
  const bundle = join(workspace, "spec", "dist");
  await mkdir(bundle, { recursive: true });
  await cp(join(siteDir, "openapi.yaml"), join(bundle, "openapi.yaml"));
  const json = (await readFile(join(siteDir, "openapi.json"), "utf8")).replaceAll('"x-codeSamples"', '"x-removed"');
  await writeFile(join(bundle, "openapi.json"), json);
  await cp(siteDir, join(workspace, "site"), { recursive: true, filter: (source) => !source.endsWith("lib") });
});

/** The dev server on the workspace above, without a desk, on the given ports. */
const startOn = (docsPort: number, mockPort: number) =>
  startDevServer({
    root: workspace,
    siteDir: join(workspace, "site"),
    deskDir: join(workspace, "no-desk"),
    host: "127.0.0.1",
    docsPort,
    deskPort: 0,
    mockPort,
    generateClient: false,
    log: () => {},
  });

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

it("leaves nothing running when it fails after starting the docs server and the mock", async () => {
  const [docsPort, mockPort] = [await freePort(), await freePort()];
  const before = descendants(process.pid);
  const start = startOn(docsPort, mockPort);
  await expect(start).rejects.toThrow(/openapi\.json has no curl x-codeSamples entry for purchaseTollFreeNumbers/);
  expect(descendants(process.pid).filter((pid) => !before.includes(pid))).toEqual([]);
  expect(await portIsFree(docsPort)).toBe(true);
  expect(await portIsFree(mockPort)).toBe(true);
});

it("names the taken mock port and the flag to change it, and stops the docs server it had started", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const mockPort = (blocker.address() as { port: number }).port;
  const docsPort = await freePort();
  try {
    const start = startOn(docsPort, mockPort);
    await expect(start).rejects.toThrow(
      `Cannot start the mock: port ${mockPort} is in use. Stop what uses it, or pass --mock-port <port>.`,
    );
    expect(await portIsFree(docsPort)).toBe(true);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
