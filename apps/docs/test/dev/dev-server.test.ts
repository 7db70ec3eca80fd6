import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { type BundledSpec, jsonMediaType, locateOperation, namedExamples } from "@tf-orders/spec/reader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsDir, workspaceRoot } from "../../src/site/locations.js";
import { type OutputWatcher, watchOutput } from "../support/output-watcher.js";
import { descendants, isAlive } from "../support/process-tree.js";

const run = promisify(execFile);

// `npm start` on a copy of the spec, so that the test can edit and break it, on free ports, so that it
// never collides with a running `npm start`.
let workspace: string;
let child: ChildProcess;
let output: OutputWatcher;
let docsUrl: string;
let mockUrl: string;
let curl: string;

async function specFile(path: string): Promise<string> {
  return readFile(join(workspace, "spec", path), "utf8");
}

/** Edits a spec file the way `sed -i` does: writes a new file beside it and renames it over the old one. */
async function replaceInSpecFile(path: string, from: RegExp, to: string): Promise<void> {
  // A dot name, which the watcher ignores, so that only the edited file is reported.
  const temp = join(workspace, "spec", dirname(path), `.${basename(path)}.sed-tmp`);
  await writeFile(temp, (await specFile(path)).replace(from, to));
  await rename(temp, join(workspace, "spec", path));
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "tf-docs-dev-"));
  await cp(join(workspaceRoot, "spec"), join(workspace, "spec"), {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules|test)$/.test(source),
  });
  await cp(join(workspaceRoot, "redocly.yaml"), join(workspace, "redocly.yaml"));
  // The spec's build also compiles its reader: that needs the tsconfig it extends and @types/node.
  await cp(join(workspaceRoot, "tsconfig.base.json"), join(workspace, "tsconfig.base.json"));
  await symlink(join(workspaceRoot, "node_modules"), join(workspace, "node_modules"), "dir");
  const args = ["dist/lib/bin/start.js", "--docs-port", "0", "--mock-port", "0"];
  args.push("--root", workspace, "--site-dir", join(workspace, "site"), "--no-generate");
  child = spawn(process.execPath, args, {
    cwd: docsDir,
    // The copied spec package finds the pinned redocly where npm would, in the repository's node_modules.
    env: { ...process.env, PATH: `${join(workspaceRoot, "node_modules", ".bin")}:${process.env.PATH ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  output = watchOutput(child.stdout!, child.stderr!);
  const ready = await output.waitFor(
    /Docs {2}(\S+)\n {2}Mock {2}(\S+)[^\n]*\n[\s\S]*?\n\n(curl [\s\S]+?)\n\n[\s\S]*Press Ctrl-C/,
  );
  [, docsUrl = "", mockUrl = "", curl = ""] = ready;
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await rm(workspace, { recursive: true, force: true });
});

const quantity = join("components", "schemas", "Quantity.yaml");
const lintFailure = /✗ The spec's lint failed; still serving the last good build\.\n([\s\S]*?error[\s\S]*?)\n(?=\S|$)/;

/** The docs show the edited title and the mock still takes the printed curl's order. */
async function expectServingEditedSpec(): Promise<void> {
  expect(await (await fetch(docsUrl)).text()).toMatch(/<title>[^<]*\(edited\)/);
  const { stdout } = await run("sh", ["-c", curl]);
  expect(JSON.parse(stdout)).toHaveProperty("orderID");
}

describe("npm start", () => {
  it("serves the docs built from the spec", async () => {
    expect(docsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(docsUrl);
    expect(page.status).toBe(200);
    const title = /title: (.+)/.exec(await specFile("openapi.yaml"))?.[1] ?? "";
    expect(await page.text()).toContain(`<title>${title}`);
  });

  it("says what an edit rebuilds: with --no-generate, not the client", () => {
    expect(output.text()).toContain("Watching spec/: an edit relints it, rebuilds the docs, and restarts the mock.");
  });

  it("prints a curl that places an order on the mock", async () => {
    expect(curl).toContain(`${mockUrl}/_rest/v3/my/tf/orders`);
    const { stdout } = await run("sh", ["-c", curl]);
    const bundle = JSON.parse(await readFile(join(workspace, "spec", "dist", "openapi.json"), "utf8")) as BundledSpec;
    const accepted = jsonMediaType(
      bundle,
      locateOperation(bundle, "purchaseTollFreeNumbers").operation.responses["200"],
    );
    expect(JSON.parse(stdout)).toEqual(namedExamples(bundle, accepted)[0]?.value);
  });

  it("rebuilds the docs when the spec changes", async () => {
    const from = output.text().length;
    const spec = await specFile("openapi.yaml");
    await writeFile(join(workspace, "spec", "openapi.yaml"), spec.replace(/title: (.+)/, "title: $1 (edited)"));
    await output.waitFor(/✓ Rebuilt \(lint, bundle, docs\) and restarted the mock/, from);
    await expectServingEditedSpec();
  });

  it("keeps the last good build and prints the lint errors when the spec breaks", async () => {
    const from = output.text().length;
    await replaceInSpecFile(quantity, /type: integer/, "type: integr");
    const failure = await output.waitFor(lintFailure, from);
    expect(failure[1]).toMatch(/Quantity\.yaml/);
    await expectServingEditedSpec();
  });

  it("notices the next edit of a file that an edit replaced (a second sed -i)", async () => {
    const from = output.text().length;
    await replaceInSpecFile(quantity, /type: integr/, "type: intger");
    await output.waitFor(/Spec changed \(components\/schemas\/Quantity\.yaml\)/, from);
    expect((await output.waitFor(lintFailure, from))[1]).toMatch(/Quantity\.yaml/);
  });

  it("stops everything it started on Ctrl-C", async () => {
    const started = descendants(child.pid!);
    expect(started.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output.text()).toMatch(/SIGINT: stopping[\s\S]*Stopped\./);
    expect(started.filter(isAlive)).toEqual([]);
    await expect(fetch(docsUrl)).rejects.toThrow();
    await expect(fetch(`${mockUrl}/_rest/v3/my/tf/orders`, { method: "POST" })).rejects.toThrow();
  });
});
