import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepFolderOnFailure } from "../../src/dev/keep-folder-on-failure.js";

describe("keepFolderOnFailure", () => {
  let dir: string;
  let folder: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tf-docs-keep-"));
    folder = join(dir, "dist");
    await mkdir(join(folder, "sub"), { recursive: true });
    await writeFile(join(folder, "sub", "a.js"), "good");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const halfWrite = async () => {
    await rm(join(folder, "sub"), { recursive: true });
    await writeFile(join(folder, "b.js"), "half");
  };

  it("keeps what a successful step wrote", async () => {
    const result = await keepFolderOnFailure(folder, async () => {
      await writeFile(join(folder, "sub", "a.js"), "new");
      return { ok: true };
    });
    expect(result).toEqual({ ok: true });
    expect(await readFile(join(folder, "sub", "a.js"), "utf8")).toBe("new");
  });

  it("puts the folder back as it was when the step fails or throws", async () => {
    const failing = async () => {
      await halfWrite();
      return { ok: false, output: "x" };
    };
    await expect(keepFolderOnFailure(folder, failing)).resolves.toEqual({ ok: false, output: "x" });
    expect(await readdir(folder)).toEqual(["sub"]);
    // Restored by a swap next to the folder, which leaves nothing behind beside it.
    expect(await readdir(dir)).toEqual(["dist"]);
    expect(await readFile(join(folder, "sub", "a.js"), "utf8")).toBe("good");

    const throwing = async (): Promise<{ ok: boolean }> => {
      await halfWrite();
      throw new Error("aborted");
    };
    await expect(keepFolderOnFailure(folder, throwing)).rejects.toThrow("aborted");
    expect(await readdir(folder)).toEqual(["sub"]);
    expect(await readFile(join(folder, "sub", "a.js"), "utf8")).toBe("good");
  });

  it("removes what a failed step wrote into a folder that did not exist", async () => {
    await rm(folder, { recursive: true });
    await keepFolderOnFailure(folder, async () => {
      await mkdir(folder);
      await writeFile(join(folder, "b.js"), "half");
      return { ok: false };
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
