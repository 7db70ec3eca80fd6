import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const generator = fileURLToPath(new URL("../scripts/generate.mjs", import.meta.url));
const generated = fileURLToPath(new URL("../src/generated", import.meta.url));
const check = (dir: string) => spawnSync(process.execPath, [generator, "--check", "--dir", dir], { encoding: "utf8" });

// Each run loads openapi-typescript; allow for a busy machine.
describe("src/generated stays what the spec generates", { timeout: 60_000 }, () => {
  test("the committed files match the spec", () => {
    const result = check(generated);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("a hand edit is caught, and only where it was made (negative control)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tf-client-generated-"));
    try {
      cpSync(generated, dir, { recursive: true });
      appendFileSync(join(dir, "rules.ts"), "// a hand edit\n");
      const result = check(dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("rules.ts drifted from the spec");
      expect(result.stderr).not.toContain("openapi.ts");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
