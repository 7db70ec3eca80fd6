import { createRequire } from "node:module";

/** The CLI's version, read from its package.json at run time so it cannot drift from the release. */
export function cliVersion(): string {
  // `../package.json` from both src/ (tests) and dist/ (the built CLI).
  const pkg = createRequire(import.meta.url)("../package.json") as { version: string };
  return pkg.version;
}
