import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildFromSpec } from "../../src/dev/rebuild-from-spec.js";
import { createFakeWorkspace, type FakeWorkspace } from "../support/fake-workspace.js";

describe("rebuildFromSpec", () => {
  let workspace: FakeWorkspace;
  beforeEach(async () => {
    workspace = await createFakeWorkspace();
  });
  afterEach(async () => {
    await rm(workspace.root, { recursive: true, force: true });
  });

  const client = (path: string) => readFile(join(workspace.root, "packages", "client", path), "utf8");
  const rebuild = (generateClient: boolean) =>
    rebuildFromSpec({ root: workspace.root, siteDir: join(workspace.root, "site"), generateClient });

  it("regenerates the client's types, then rebuilds its dist/ from them, and reports both", async () => {
    await workspace.setSpecVersion("2.0.0");
    await expect(rebuild(true)).resolves.toEqual({
      ok: true,
      steps: ["lint", "bundle", "docs", "client types", "client build"],
    });
    expect(await client("src/generated/version.ts")).toContain('"2.0.0"');
    expect(await client("dist/version.js")).toContain('"2.0.0"');
    expect(await readFile(join(workspace.root, "site", "openapi.json"), "utf8")).toContain('"2.0.0"');
  });

  it("keeps the client's last good dist/ when its build fails, and reports the build's errors", async () => {
    await workspace.breakClientBuild();
    await workspace.setSpecVersion("2.0.0");
    const result = await rebuild(true);
    expect(result).toMatchObject({ ok: false, step: "client build" });
    expect(result.ok === false && result.output).toContain("error TS1005");
    expect(await client("dist/version.js")).toBe('export const version = "1.0.0";\n');
    expect((await readdir(join(workspace.root, "packages", "client", "dist"))).sort()).toEqual([
      "index.js",
      "version.js",
    ]);
  });

  it("neither regenerates nor rebuilds the client with --no-generate", async () => {
    await workspace.setSpecVersion("2.0.0");
    await expect(rebuild(false)).resolves.toEqual({ ok: true, steps: ["lint", "bundle", "docs"] });
    expect(await client("src/generated/version.ts")).toContain('"1.0.0"');
    expect(await client("dist/version.js")).toContain('"1.0.0"');
  });
});
