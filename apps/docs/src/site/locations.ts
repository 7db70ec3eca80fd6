import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { workspaceRoot } from "@tf-orders/spec/reader";

const require = createRequire(import.meta.url);

function findPackageDir(start: string, name: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`Cannot find the ${name} package above ${start}`);
  }
}

/** The apps/docs folder, found from this file whether it runs from src/ (tests) or dist/lib/ (build). */
export const docsDir = findPackageDir(dirname(fileURLToPath(import.meta.url)), "@tf-orders/docs");

export { workspaceRoot };

/** Where `npm run build` puts the offline reference and the bundled spec. */
export const siteDir = join(docsDir, "dist");

/** Where the order desk (apps/web) is built, which `npm start` serves beside the docs. */
export const deskDir = join(workspaceRoot, "apps", "web", "dist");

/** The entry point of the pinned Redocly CLI, run with this Node rather than through `npx`. */
export function redoclyBin(): string {
  const manifestPath = require.resolve("@redocly/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  const bin = manifest.bin.redocly;
  if (bin === undefined) throw new Error(`@redocly/cli at ${manifestPath} has no 'redocly' bin`);
  return join(dirname(manifestPath), bin);
}

/** Environment that keeps Redocly (and npm) from calling home. */
export const quietToolEnv: Readonly<Record<string, string>> = {
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  TURBO_TELEMETRY_DISABLED: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  npm_config_update_notifier: "false",
};
