// Measures the JavaScript the order desk ships, and how much of it is @tf-orders/client.
//
//   npm run measure -w @tf-orders/web          (prints JSON on stdout)
//
// It builds the desk with its own vite.config.ts, in memory (apps/web/dist is left alone), so the figures are
// exactly those of `npm run build`: every file minified, and gzipped at level 9 as a static host would. The
// client and its one dependency (openapi-fetch) ship as a chunk of their own (the `client` group of
// vite.config.ts), so the client's share is a file's size, not an estimate. Inside that chunk, the split
// between the client and openapi-fetch is estimated from each module's rendered (unminified) length.
import { gzipSync } from "node:zlib";
import { build } from "vite";

const appDir = new URL("..", import.meta.url).pathname;

/** @param {string | Uint8Array} content */
const sizes = (content) => ({
  minified: Buffer.byteLength(content),
  gzip: gzipSync(content, { level: 9 }).length,
});

/** @param {{ minified: number, gzip: number }[]} parts */
const sum = (parts) => ({
  minified: parts.reduce((total, part) => total + part.minified, 0),
  gzip: parts.reduce((total, part) => total + part.gzip, 0),
});

const output = await build({ root: appDir, logLevel: "silent", build: { write: false } });
const bundles = (Array.isArray(output) ? output : [output]).flatMap((result) =>
  "output" in result ? result.output : [],
);
const chunks = bundles.filter((item) => item.type === "chunk");
const assets = bundles.filter((item) => item.type === "asset");
const client = chunks.find((chunk) => chunk.name === "client");
if (client === undefined) throw new Error("No `client` chunk: vite.config.ts's codeSplitting group changed?");

const files = chunks.map((chunk) => ({
  file: chunk.fileName,
  part: chunk === client ? "client" : "desk",
  ...sizes(chunk.code),
}));
const js = sum(files);
const clientSizes = sizes(client.code);
const rendered = Object.entries(client.modules).reduce(
  (by, [id, module]) => {
    const key = /[\\/]openapi-fetch[\\/]/.test(id) ? "openapi-fetch" : "@tf-orders/client";
    by[key] += module.renderedLength;
    return by;
  },
  { "@tf-orders/client": 0, "openapi-fetch": 0 },
);
/** @param {number} part @param {number} whole a percentage with one decimal */
const share = (part, whole) => Math.round((part / whole) * 1000) / 10;

console.log(
  JSON.stringify(
    {
      command: "npm run measure -w @tf-orders/web",
      js: { files, total: js },
      client: {
        ...clientSizes,
        percentOfJs: { minified: share(clientSizes.minified, js.minified), gzip: share(clientSizes.gzip, js.gzip) },
        renderedBytesInChunk: rendered,
      },
      other: assets.map((asset) => ({ file: asset.fileName, ...sizes(asset.source) })),
    },
    null,
    2,
  ),
);
