import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));
const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
const nodeOnly = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

describe("the client core runs in any fetch runtime", () => {
  test.each(files)("%s imports nothing Node-only", (file) => {
    // Comments (JSDoc examples may show Node usage) are not code.
    const text = readFileSync(join(src, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|\s)\/\/.*$/gm, "");
    const specifiers = [...text.matchAll(/\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)].map(
      (match) => match[1] ?? match[2],
    );
    expect(specifiers.filter((specifier) => nodeOnly.has(specifier!))).toEqual([]);
    expect(text).not.toMatch(/\b(process|Buffer|require|__dirname)\b[.(]/);
  });

  test("the scan saw the whole core", () => {
    expect(files).toEqual(expect.arrayContaining(["index.ts", "client/create-client.ts", "generated/rules.ts"]));
  });
});
