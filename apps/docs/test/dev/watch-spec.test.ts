import { appendFile, mkdir, mkdtemp, rename, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type SpecWatcher, watchSpec } from "../../src/dev/watch-spec.js";

// Short periods keep the tests quick; the defaults only make the dev server cheaper.
const fast = { pollMs: 50, debounceMs: 100 };

describe("watchSpec", () => {
  let dir: string;
  let watcher: SpecWatcher | undefined;
  let reports: string[][];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tf-docs-watch-"));
    await mkdir(join(dir, "components", "schemas"), { recursive: true });
    await mkdir(join(dir, "dist"));
    await writeFile(join(dir, "openapi.yaml"), "openapi: 3.1.0\n");
    await writeFile(join(dir, "components", "schemas", "ServiceArea.yaml"), "type: integer\n");
    reports = [];
    watcher = watchSpec(dir, (paths) => reports.push(paths), fast);
  });
  afterEach(async () => {
    watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Waits for exactly one report, with exactly these paths, and clears it for the next step. */
  async function expectReport(...paths: string[]): Promise<void> {
    await vi.waitFor(() => expect(reports).toEqual([paths]), { timeout: 5_000, interval: 20 });
    reports.length = 0;
  }

  it("reports a burst of edits once, with every edited path and none from dist/", async () => {
    await mkdir(join(dir, "paths"));
    await writeFile(join(dir, "openapi.yaml"), "a");
    await writeFile(join(dir, "paths", "x.yaml"), "b");
    await writeFile(join(dir, "dist", "openapi.json"), "{}");
    await writeFile(join(dir, "openapi.yaml"), "c");
    await expectReport("openapi.yaml", join("paths", "x.yaml"));
  });

  it("reports every edit of a file that was replaced rather than written in place (sed -i, git checkout, safe save)", async () => {
    const path = join("components", "schemas", "ServiceArea.yaml");
    const file = join(dir, path);
    // What `sed -i` and editors' safe save do: write a new file beside it, rename it over the old one.
    const replace = async (text: string) => {
      const temp = join(dir, "components", "schemas", ".ServiceArea.yaml.tmp");
      await writeFile(temp, text);
      await rename(temp, file);
    };
    await replace("type: integer\nminimum: 1\n");
    await expectReport(path);
    await replace("type: integer\nminimum: 2\n");
    await expectReport(path);
    // What `git checkout -- spec` does: unlink the file, then create it anew.
    await unlink(file);
    await writeFile(file, "type: integer\n");
    await expectReport(path);
    await appendFile(file, "maximum: 9\n");
    await expectReport(path);
  });

  it("reports new files, files in new folders and deleted files", async () => {
    await writeFile(join(dir, "components", "schemas", "Region.yaml"), "type: string\n");
    await expectReport(join("components", "schemas", "Region.yaml"));
    await mkdir(join(dir, "paths", "v4"), { recursive: true });
    await writeFile(join(dir, "paths", "v4", "orders.yaml"), "get: {}\n");
    await expectReport(join("paths", "v4", "orders.yaml"));
    await rm(join(dir, "paths"), { recursive: true });
    await expectReport(join("paths", "v4", "orders.yaml"));
    await unlink(join(dir, "components", "schemas", "Region.yaml"));
    await expectReport(join("components", "schemas", "Region.yaml"));
  });

  it("reports nothing when nothing changed, for build output, dependencies, .turbo/ and swap files, or once closed", async () => {
    await sleep(10 * fast.pollMs);
    await mkdir(join(dir, "node_modules", "x"), { recursive: true });
    await mkdir(join(dir, ".turbo"));
    await writeFile(join(dir, "dist", "openapi.json"), "{}");
    await writeFile(join(dir, "node_modules", "x", "index.js"), "");
    await writeFile(join(dir, ".turbo", "turbo-build.log"), "built");
    await writeFile(join(dir, ".openapi.yaml.swp"), "");
    await writeFile(join(dir, "openapi.yaml~"), "");
    await sleep(10 * fast.pollMs);
    expect(reports).toEqual([]);
    watcher?.close();
    await writeFile(join(dir, "openapi.yaml"), "openapi: 3.1.1\n");
    await sleep(10 * fast.pollMs);
    expect(reports).toEqual([]);
  });
});
