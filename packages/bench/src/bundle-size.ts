import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { formatBytes, formatNumber } from "./format.js";
import type { Benchmark, Section } from "./section.js";
import { targets } from "./targets.js";

/** What a consumer's bundler produces for one entry. */
interface Bundle {
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

const clientEntry = 'import { createTollFreeClient } from "@tf-orders/client";\nconsole.log(createTollFreeClient);\n';
const openapiFetchEntry = 'import createClient from "openapi-fetch";\nconsole.log(createClient);\n';

/** Bundles an entry the way a browser app's bundler would: ESM, minified, tree-shaken. */
async function bundle(label: string, contents: string, repoRoot: string, external: string[]): Promise<Bundle> {
  const result = await build({
    // Resolved from the bench package, as a consumer resolves an installed dependency.
    stdin: { contents, resolveDir: join(repoRoot, "packages", "bench"), sourcefile: "entry.js", loader: "js" },
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${label}`);
  return {
    label,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    metafile: result.metafile,
  };
}

/** Names an input of the bundle (paths are relative to the repository root): a dependency by its package. */
function owner(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return dependency === null ? `\`${input}\`` : `${dependency[1]!} (whole package)`;
}

/** The bundle's own files that import a package, relative to the repository root. */
function importersOf(metafile: Metafile, packageName: string): string[] {
  return Object.entries(metafile.inputs)
    .filter(
      ([file, input]) =>
        !file.includes("node_modules/") &&
        input.imports.some((entry) => entry.path.includes(`node_modules/${packageName}/`)),
    )
    .map(([file]) => file);
}

function breakdown(metafile: Metafile): [string, number][] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const name = owner(input);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

/** Bundle size of `createTollFreeClient` for a consumer: with and without openapi-fetch, and openapi-fetch alone. */
export const bundleSize: Benchmark = {
  name: "size",
  title: "Bundle size",
  async run(context): Promise<Section> {
    context.progress("size: bundling with esbuild");
    const total = await bundle(
      "`createTollFreeClient` with openapi-fetch (what ships)",
      clientEntry,
      context.repoRoot,
      [],
    );
    const ours = await bundle("`createTollFreeClient` alone (openapi-fetch external)", clientEntry, context.repoRoot, [
      "openapi-fetch",
    ]);
    const openapiFetch = await bundle("openapi-fetch alone (`createClient`)", openapiFetchEntry, context.repoRoot, []);
    const pass = total.gzipBytes <= targets.bundleGzipBytes;
    const parts = breakdown(total.metafile);
    const notes: string[] = [];
    if (!pass) {
      const ourParts = parts.filter(([name]) => !name.includes("(whole package)") && !name.includes("packages/bench/"));
      const top = ourParts.slice(0, 3).map(([name, size]) => `${name} (${formatNumber(size)} B)`);
      const left = targets.bundleGzipBytes - openapiFetch.gzipBytes;
      const via = importersOf(total.metafile, "openapi-fetch").map((file) => `\`${file}\``);
      notes.push(
        `**Missed** by ${formatNumber(total.gzipBytes - targets.bundleGzipBytes)} B gzip. openapi-fetch takes ` +
          `${formatBytes(openapiFetch.gzipBytes)} of the ${formatNumber(targets.bundleGzipBytes)} B budget, leaving ` +
          `${formatNumber(left)} B for our code, which weighs ${formatBytes(ours.gzipBytes)} gzip on its own. Its ` +
          `largest parts (minified) are ${top.join(", ")}.`,
        "What would fix it: " +
          (via.length > 0 ? `openapi-fetch comes in through ${via.join(", ")}; ` : "") +
          "keeping openapi-fetch out of what `createTollFreeClient` needs at runtime (its types cost nothing; " +
          "a feature that needs it, such as `client.raw`, can move to a separate entry point) frees " +
          `${formatBytes(openapiFetch.gzipBytes)} at once. Otherwise our own code must shrink by ` +
          `${formatNumber(ours.gzipBytes - left)} B gzip.`,
      );
    }
    return {
      title: this.title,
      method: [
        'What a consumer\'s bundler ships for `import { createTollFreeClient } from "@tf-orders/client"`: esbuild ' +
          "(bundle, `platform: browser`, `format: esm`, minify, tree shaking) on an entry that imports it and " +
          "logs it, then gzip level 9 (`node:zlib`). Measured from the built `packages/client/dist`.",
      ],
      tables: [
        {
          header: ["Bundle", "Minified", "Gzip"],
          align: ["left", "right", "right"],
          rows: [total, ours, openapiFetch].map((entry) => [
            entry.label,
            formatBytes(entry.minifiedBytes),
            formatBytes(entry.gzipBytes),
          ]),
        },
        {
          caption:
            "What the shipped bundle is made of (minified bytes per input, before gzip, from esbuild's metafile)",
          header: ["Input", "Minified bytes"],
          align: ["left", "right"],
          rows: parts.map(([name, size]) => [name, formatNumber(size)]),
        },
      ],
      verdicts: [
        {
          target: `≤ ${formatNumber(targets.bundleGzipBytes / 1000, 1)} kB gzip in total, openapi-fetch included`,
          measured: formatBytes(total.gzipBytes),
          pass,
        },
      ],
      notes,
    };
  },
};
