import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * Absolute path of the repository's bundled contract (`@tf-orders/spec/openapi.yaml`), the single-file
 * document that `npm run build -w @tf-orders/spec` writes.
 *
 * @throws Error naming the build command when the bundle has not been built yet.
 */
export function bundledSpecPath(): string {
  // The bundle is a build output, so resolve the package first and check the file ourselves: the error
  // then says how to make it instead of a bare MODULE_NOT_FOUND.
  const path = join(dirname(require.resolve("@tf-orders/spec/package.json")), "dist", "openapi.yaml");
  if (!existsSync(path)) {
    throw new Error(`The bundled spec ${path} does not exist: run \`npm run build -w @tf-orders/spec\` first.`);
  }
  return path;
}
