import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isSpecEdit, watchSpec, type SpecWatcher } from "../../src/dev/watch-spec.js";

describe("isSpecEdit", () => {
  it.each([
    ["openapi.yaml", true],
    ["paths/_rest_v3_my_tf_orders.yaml", true],
    ["code-samples/purchase-toll-free-numbers.ts", true],
    ["dist/openapi.json", false],
    ["node_modules/x/index.js", false],
    ["paths/.openapi.yaml.swp", false],
    ["paths/openapi.yaml.swx", false],
    ["openapi.yaml~", false],
    ["4913", false],
    [".DS_Store", false],
  ])("%s → %s", (path, expected) => {
    expect(isSpecEdit(path)).toBe(expected);
  });
});

describe("watchSpec", () => {
  let dir: string | undefined;
  let watcher: SpecWatcher | undefined;
  afterEach(async () => {
    watcher?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("reports a burst of edits once, with every edited path and none from dist/", async () => {
    dir = await mkdtemp(join(tmpdir(), "tf-docs-watch-"));
    await mkdir(join(dir, "paths"));
    await mkdir(join(dir, "dist"));
    const reports: string[][] = [];
    const reported = new Promise<void>((resolve) => {
      watcher = watchSpec(
        dir as string,
        (paths) => {
          reports.push(paths);
          resolve();
        },
        400,
      );
    });
    await writeFile(join(dir, "openapi.yaml"), "a");
    await writeFile(join(dir, "paths", "x.yaml"), "b");
    await writeFile(join(dir, "dist", "openapi.json"), "{}");
    await writeFile(join(dir, "openapi.yaml"), "c");
    await reported;
    expect(reports).toEqual([["openapi.yaml", join("paths", "x.yaml")]]);
  });
});
