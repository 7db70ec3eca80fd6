#!/usr/bin/env node
// The installed command is this committed file, not dist/bin.js: npm links a workspace's bin at `npm ci`,
// before `npm run build` has written dist/, and skips a target that does not exist yet.
import { existsSync } from "node:fs";

const built = new URL("../dist/bin.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  console.error("tf-orders is not built yet: run `npm run build` at the repository root.");
  process.exitCode = 1;
}
