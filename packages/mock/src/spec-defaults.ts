// The defaults the mock starts with: the repository's bundled spec, and the port its loopback server names.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadBundledSpec, mockServer } from "@tf-orders/spec/reader";

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

/**
 * The port of the spec's loopback server, where `npm run mock` and `npm start` serve the mock by default.
 *
 * @example
 * specMockPort(); // 4010
 */
export function specMockPort(): number {
  return Number(mockServer(loadBundledSpec()).port);
}

/**
 * A port number from a flag or variable (0 picks a free one).
 *
 * @throws Error naming `source` (`--port`, `TF_MOCK_PORT`, …) and quoting the value, when it is not 0–65535.
 * @example
 * parsePort("--mock-port", "4011"); // 4011
 */
export function parsePort(source: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new Error(`${source} must be a port number from 0 to 65535, got '${text}'`);
  return port;
}
