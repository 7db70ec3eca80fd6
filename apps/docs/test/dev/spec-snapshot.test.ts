import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths, isSpecEdit, snapshotSpec } from "../../src/dev/spec-snapshot.js";

describe("isSpecEdit", () => {
  it.each([
    ["openapi.yaml", true],
    ["paths/_rest_v3_my_tf_orders.yaml", true],
    ["code-samples/purchase-toll-free-numbers.ts", true],
    ["dist/openapi.json", false],
    ["node_modules/x/index.js", false],
    ["code-samples/node_modules/x/index.js", false],
    [".turbo/turbo-build.log", false],
    [".git/HEAD", false],
    ["paths/.openapi.yaml.swp", false],
    ["paths/openapi.yaml.swx", false],
    ["openapi.yaml~", false],
    ["4913", false],
    [".DS_Store", false],
  ])("%s → %s", (path, expected) => {
    expect(isSpecEdit(path)).toBe(expected);
  });
});

describe("snapshotSpec", () => {
  it("lists the spec's files, not the ignored ones, and changedPaths tells added, changed and deleted apart from unchanged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tf-docs-snapshot-"));
    try {
      for (const folder of ["paths", "dist", ".turbo"]) await mkdir(join(dir, folder));
      await writeFile(join(dir, "openapi.yaml"), "a");
      await writeFile(join(dir, "paths", "x.yaml"), "b");
      await writeFile(join(dir, "paths", "gone.yaml"), "c");
      await writeFile(join(dir, "dist", "openapi.json"), "{}");
      await writeFile(join(dir, ".turbo", "turbo-build.log"), "log");
      const before = snapshotSpec(dir);
      expect([...before.keys()].sort()).toEqual(["openapi.yaml", join("paths", "gone.yaml"), join("paths", "x.yaml")]);

      await writeFile(join(dir, "paths", "x.yaml"), "bb");
      await rm(join(dir, "paths", "gone.yaml"));
      await writeFile(join(dir, "paths", "new.yaml"), "d");
      expect(changedPaths(before, snapshotSpec(dir)).sort()).toEqual([
        join("paths", "gone.yaml"),
        join("paths", "new.yaml"),
        join("paths", "x.yaml"),
      ]);
      expect(changedPaths(before, before)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("snapshotSpec on entries it cannot read", () => {
  it("skips a symlink loop instead of throwing (which would end npm start)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tf-docs-snapshot-loop-"));
    try {
      await writeFile(join(dir, "openapi.yaml"), "openapi: 3.1.0\n");
      await symlink(join(dir, "loop-b.yaml"), join(dir, "loop-a.yaml"));
      await symlink(join(dir, "loop-a.yaml"), join(dir, "loop-b.yaml"));
      expect([...snapshotSpec(dir).keys()]).toEqual(["openapi.yaml"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
