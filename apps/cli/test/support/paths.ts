import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The CLI package folder. */
export const packageDir = fileURLToPath(new URL("../../", import.meta.url));

/** The built CLI. */
export const binPath = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  bin: Record<string, string>;
};

/** The command npm installs (package.json `bin`), which the end-to-end tests run as a subprocess. */
export const commandPath = fileURLToPath(new URL(`../../${manifest.bin["tf-orders"]}`, import.meta.url));
