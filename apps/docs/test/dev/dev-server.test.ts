import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { type BundledSpec, exampleNamed, operationExamples } from "@tf-orders/spec/reader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsDir } from "../../src/site/locations.js";
import { createFakeWorkspace } from "../support/fake-workspace.js";
import { type OutputWatcher, watchOutput } from "../support/output-watcher.js";
import { descendants, isAlive } from "../support/process-tree.js";

const run = promisify(execFile);

// `npm start` on a throw-away workspace (the real spec, turbo.json and tools; two cheap apps), so that the test can
// edit and break the spec, on free ports, so that it never collides with a running `npm start`.
let workspace: string;
let child: ChildProcess;
let output: OutputWatcher;
let docsUrl: string;
let mockUrl: string;
let curl: string;

const specFile = (path: string) => readFile(join(workspace, "spec", path), "utf8");

/** Edits a spec file the way `sed -i` does: writes a new file beside it and renames it over the old one. */
async function replaceInSpecFile(path: string, from: RegExp, to: string): Promise<void> {
  // A dot name, which the watcher ignores, so that only the edited file is reported.
  const temp = join(workspace, "spec", dirname(path), `.${basename(path)}.sed-tmp`);
  await writeFile(temp, (await specFile(path)).replace(from, to));
  await rename(temp, join(workspace, "spec", path));
}

/** Sets the spec's title in place, as an editor's plain save does. */
async function setTitle(suffix: string): Promise<void> {
  const spec = await specFile("openapi.yaml");
  await writeFile(
    join(workspace, "spec", "openapi.yaml"),
    spec.replace(/title: ([^(\n]+?)( \(.*\))?\n/, `title: $1${suffix}\n`),
  );
}

beforeAll(async () => {
  workspace = await createFakeWorkspace();
  const args = ["dist/lib/bin/start.js", "--docs-port", "0", "--mock-port", "0", "--desk-port", "0"];
  args.push("--root", workspace, "--site-dir", join(workspace, "apps", "site", "dist"));
  args.push("--desk-dir", join(workspace, "apps", "no-desk"), "--no-generate");
  child = spawn(process.execPath, args, { cwd: docsDir, stdio: ["ignore", "pipe", "pipe"] });
  output = watchOutput(child.stdout!, child.stderr!);
  const ready = await output.waitFor(
    /Docs {2}(\S+)\n {2}Mock {2}(\S+)[^\n]*\n[\s\S]*?\n\n(curl [\s\S]+?)\n\n[\s\S]*Press Ctrl-C/,
  );
  [, docsUrl = "", mockUrl = "", curl = ""] = ready;
}, 240_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await rm(workspace, { recursive: true, force: true });
});

const quantity = join("components", "schemas", "Quantity.yaml");
// Waits for the problem's location itself: turbo interleaves Redocly's stdout (the problems) and stderr (the
// summary) in either order, and the message may reach the pipe in more than one chunk.
const lintFailure =
  /✗ The spec failed \(@tf-orders\/spec#lint\); still serving the last good build\.\n[\s\S]*?(components\/schemas\/Quantity\.yaml:\d+:\d+)/;

/** The docs show the title and the mock still takes the printed curl's order. */
async function expectServing(title: string): Promise<void> {
  expect(await (await fetch(docsUrl)).text()).toContain(`<title>${title}`);
  const { stdout } = await run("sh", ["-c", curl]);
  expect(JSON.parse(stdout)).toHaveProperty("orderID");
}

describe("npm start", () => {
  it("builds a workspace that has no build yet, through turbo, then serves the docs", async () => {
    expect(output.text()).toContain("No build yet: building through turbo…");
    expect(docsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const title = /title: (.+)/.exec(await specFile("openapi.yaml"))?.[1] ?? "";
    await expectServing(title);
  });

  it("says what an edit rebuilds, and serves no desk where none is built", () => {
    expect(output.text()).toContain(
      "Watching spec/: an edit reruns turbo (lint, bundle, every app's build) and swaps the new spec into the mock.",
    );
    expect(output.text()).not.toMatch(/ Desk /);
  });

  it("prints a curl that places an order on the mock, and logs each request the mock answers", async () => {
    expect(curl).toContain(`${mockUrl}/_rest/v3/my/tf/orders`);
    const from = output.text().length;
    const { stdout } = await run("sh", ["-c", curl]);
    const bundle = JSON.parse(await readFile(join(workspace, "spec", "dist", "openapi.json"), "utf8")) as BundledSpec;
    const accepted = exampleNamed(
      operationExamples(bundle, "purchaseTollFreeNumbers").responses["200"],
      "orderAccepted",
    );
    expect(JSON.parse(stdout)).toEqual(accepted);
    await output.waitFor(/POST \/_rest\/v3\/my\/tf\/orders 200 \(\d+ ms\)/, from);
  });

  it("rebuilds when the spec changes, and the mock refuses no connection meanwhile", async () => {
    const from = output.text().length;
    let refused = 0;
    let probes = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        probes++;
        await fetch(`${mockUrl}/_rest/v3/my/tf/orders`, { method: "OPTIONS" }).catch(() => refused++);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await setTitle(" (edited)");
    await output.waitFor(/✓ Rebuilt and swapped the new spec into the mock\./, from);
    probing = false;
    await probe;
    expect(probes).toBeGreaterThan(0);
    expect(refused).toBe(0);
    await expectServing(`${/title: (.+)/.exec(await specFile("openapi.yaml"))?.[1]}`);
  });

  it("keeps the last good build, and prints the lint errors, when the spec breaks", async () => {
    const from = output.text().length;
    await replaceInSpecFile(quantity, /type: integer/, "type: integr");
    const failure = await output.waitFor(lintFailure, from);
    expect(failure[1]).toMatch(/^components\/schemas\/Quantity\.yaml:2:7$/);
    await expectServing(`${/title: (.+)/.exec(await specFile("openapi.yaml"))?.[1]}`);
  });

  it("notices the next edit of a file that an edit replaced (a second sed -i), and recovers", async () => {
    let from = output.text().length;
    await replaceInSpecFile(quantity, /type: integr/, "type: intger");
    await output.waitFor(/Spec changed \(components\/schemas\/Quantity\.yaml\)/, from);
    expect((await output.waitFor(lintFailure, from))[1]).toMatch(/^components\/schemas\/Quantity\.yaml:2:7$/);
    from = output.text().length;
    await replaceInSpecFile(quantity, /type: intger/, "type: integer");
    await output.waitFor(/✓ Rebuilt and swapped the new spec into the mock\./, from);
  });

  it("an app whose build fails keeps its last good build while the docs and the mock follow the spec", async () => {
    const from = output.text().length;
    await setTitle(" (break the app)");
    const failure = await output.waitFor(
      /✗ (\S+) failed and keeps its last good build; the rest follows the new spec\./,
      from,
    );
    expect(failure[1]).toBe("@tf-dev-test/fragile#build");
    expect(output.text().slice(from)).toContain("fragile: cannot build this title");
    await expectServing(`${/title: (.+)/.exec(await specFile("openapi.yaml"))?.[1]}`);
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
