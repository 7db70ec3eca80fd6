import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { binPath, packageDir } from "./paths.js";

/**
 * Fails fast when dist/ is missing or older than src/: the end-to-end tests run the built CLI, and
 * testing a stale build would test yesterday's code. (`turbo run test` builds first.)
 */
export async function assertBuilt(): Promise<void> {
  const built = await stat(binPath).catch(() => undefined);
  if (built === undefined)
    throw new Error(`${relative(packageDir, binPath)} is missing: run \`npm run build -w @tf-orders/cli\` first`);
  const srcDir = join(packageDir, "src");
  for (const entry of await readdir(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const source = join(entry.parentPath, entry.name);
    const output = join(packageDir, "dist", relative(srcDir, source)).replace(/\.ts$/, ".js");
    const [sourceTime, outputTime] = await Promise.all([stat(source), stat(output).catch(() => undefined)]);
    if (outputTime === undefined || outputTime.mtimeMs < sourceTime.mtimeMs) {
      throw new Error(
        `dist/ is older than ${relative(packageDir, source)}: run \`npm run build -w @tf-orders/cli\` first`,
      );
    }
  }
}
