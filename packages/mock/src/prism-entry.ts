import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * The pinned Prism CLI's entry script, resolved from `node_modules` so that it runs under the current Node
 * with no `npx` and no download.
 */
export function prismEntry(): string {
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = require(manifestPath) as { bin?: { prism?: string } };
  return join(dirname(manifestPath), manifest.bin?.prism ?? "dist/index.js");
}
