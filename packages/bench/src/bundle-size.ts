import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { type Measurement, verdict } from "./measurement.js";
import { bytes, num } from "./report.js";

/** Issue 12, item 1: the client's main entry, gzip, as `import { createTollFreeClient }` ships it. */
const target = 6000;

/**
 * What a browser app's bundler ships for one import (ESM, minified, tree-shaken, resolved like a dependency),
 * with the minified bytes of each input file, largest first.
 */
export async function bundle(binding: string, from: string, repoRoot: string) {
  const name = binding.replace(/[{}]/g, "").trim().split(" ").pop();
  const result = await build({
    stdin: {
      contents: `import ${binding} from "${from}";\nconsole.log(${name});`,
      resolveDir: join(repoRoot, "packages/bench"),
    },
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, size: bytesInOutput }))
    .sort((a, b) => b.size - a.size);
  const sizeOf = (prefix: string) =>
    inputs.reduce((sum, { file, size }) => sum + (file.startsWith(prefix) ? size : 0), 0);
  const gzip = gzipSync(code, { level: 9 }).byteLength;
  return { label: `\`import ${binding} from "${from}"\``, minified: code.byteLength, gzip, inputs, sizeOf };
}

/** What a browser app ships for the client's entries. */
export const bundleSize: Measurement = {
  name: "size",
  title: "Bundle size",
  async run({ repoRoot, progress }) {
    progress("size: bundling with esbuild");
    const require = createRequire(join(repoRoot, "packages/bench/package.json"));
    const { exports } = require("@tf-orders/client/package.json") as { exports: Record<string, unknown> };
    const main = await bundle("{ createTollFreeClient }", "@tf-orders/client", repoRoot);
    const raw = "./raw" in exports ? [await bundle("* as raw", "@tf-orders/client/raw", repoRoot)] : [];
    const alone = await bundle("createClient", "openapi-fetch", repoRoot);
    const openapiFetch = (entry: typeof main) => entry.sizeOf("node_modules/openapi-fetch/");
    const why = () => {
      const ours = main.inputs.filter(({ file }) => file.startsWith("packages/client/")).slice(0, 3);
      const moving = `moving the \`raw\` client to \`@tf-orders/client/raw\` saves about ${num(alone.gzip)} B gzip`;
      return (
        `${num(main.gzip - target)} B over. openapi-fetch takes ${num(openapiFetch(main))} B of it (minified)` +
        `${openapiFetch(main) > 0 ? `: ${moving}` : ""}. Our largest inputs (minified): ` +
        `${ours.map(({ file, size }) => `\`${file}\` ${num(size)} B`).join(", ")}.`
      );
    };
    return {
      method: [
        "esbuild (browser, ESM, minified, tree-shaken) on a one-line entry that imports and logs the import, then " +
          `gzip -9; from the built client, through its \`exports\`.${raw.length > 0 ? "" : " It has no `./raw` yet."}`,
      ],
      tables: [
        {
          header: ["Bundle", "Minified", "Gzip", "openapi-fetch in it (minified)"],
          rows: [main, ...raw, alone].map((b) => [b.label, bytes(b.minified), bytes(b.gzip), bytes(openapiFetch(b))]),
        },
      ],
      verdicts: [verdict("client main entry ≤ 6.0 kB gzip", bytes(main.gzip), main.gzip <= target, why)],
    };
  },
};
