import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { excludeFromInputs, exclusionGlobs, selfWrittenFolders } from "../src/turbo-input-fix.js";
import { changedInputs, type TurboTask } from "../src/turbo-summary.js";

const task = (directory: string, inputs: Record<string, string>): TurboTask => ({
  taskId: `x#build`,
  cacheHit: false,
  durationMs: 0,
  exitCode: 0,
  directory,
  dependencies: [],
  inputs,
});

describe("changedInputs", () => {
  it("lists inputs that appeared or changed, relative to the repository root", () => {
    const before = task("packages/client", { "src/a.ts": "1", "../../spec/openapi.yaml": "2" });
    const after = task("packages/client", {
      "src/a.ts": "1",
      "../../spec/openapi.yaml": "2",
      "../../spec/dist/openapi.json": "3",
      "../../spec/.turbo/turbo-build.log": "4",
    });
    expect(changedInputs(before, after)).toEqual(["spec/dist/openapi.json", "spec/.turbo/turbo-build.log"]);
  });

  it("lists nothing when the inputs are the same", () => {
    const inputs = { "dist/openapi.json": "9" };
    expect(changedInputs(task("spec", inputs), task("spec", { ...inputs }))).toEqual([]);
  });
});

describe("turbo input fix", () => {
  it("turns changed files into the folders to exclude, once each", () => {
    const folders = selfWrittenFolders([
      "spec/dist/openapi.json",
      "spec/dist/openapi.yaml",
      "spec/.turbo/turbo-build.log",
    ]);
    expect(folders).toEqual(["spec/.turbo", "spec/dist"]);
    expect(exclusionGlobs(folders)).toEqual(["!$TURBO_ROOT$/spec/.turbo/**", "!$TURBO_ROOT$/spec/dist/**"]);
  });

  it("adds the exclusions to every task that lists inputs, and only those", async () => {
    const root = await mkdtemp(join(tmpdir(), "bench-turbo-"));
    try {
      await writeFile(
        join(root, "turbo.json"),
        JSON.stringify({ tasks: { build: { inputs: ["$TURBO_DEFAULT$"] }, bench: { cache: false } } }),
      );
      await excludeFromInputs(root, ["!$TURBO_ROOT$/spec/dist/**"]);
      const config = JSON.parse(await readFile(join(root, "turbo.json"), "utf8")) as unknown;
      expect(config).toEqual({
        tasks: { build: { inputs: ["$TURBO_DEFAULT$", "!$TURBO_ROOT$/spec/dist/**"] }, bench: { cache: false } },
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
