#!/usr/bin/env node
import { createRequire } from "node:module";
// `npm run build`: the offline reference in apps/docs/dist from the spec package's bundle.
import { dirname, join } from "node:path";
import { buildSite } from "../site/build-site.js";
import { siteDir, workspaceRoot } from "../site/locations.js";

const bundleDir = dirname(createRequire(import.meta.url).resolve("@tf-orders/spec/openapi.json"));

try {
  await buildSite({ bundleDir, config: join(workspaceRoot, "redocly.yaml"), outDir: siteDir });
  console.log(`Built the offline reference: ${join(siteDir, "index.html")} (+ openapi.yaml, openapi.json)`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
