import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throw-away workspace shaped like this repository, with cheap stand-ins for the real scripts. */
export interface FakeWorkspace {
  root: string;
  /** Sets the spec's info.version, the value the fake client's generate and build carry through. */
  setSpecVersion(version: string): Promise<void>;
  /** Replaces the client's build with one that writes half its output, then fails like tsc does. */
  breakClientBuild(): Promise<void>;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A workspace with spec/ (lint passes; build copies openapi.json, which is also valid YAML, to dist/) and
 * packages/client (`generate` writes the spec's version to src/generated/version.ts, `build` copies it to
 * dist/version.js). The client starts built at version 1.0.0, with a dist/index.js beside it.
 */
export async function createFakeWorkspace(): Promise<FakeWorkspace> {
  const root = await mkdtemp(join(tmpdir(), "tf-docs-rebuild-"));
  const spec = join(root, "spec");
  const client = join(root, "packages", "client");
  await writeJson(join(root, "package.json"), { name: "fake-root", private: true, workspaces: ["spec", "packages/*"] });
  await writeFile(join(root, "redocly.yaml"), "telemetry: off\n");
  await mkdir(spec);
  const copyToDist =
    "const fs=require('fs');fs.mkdirSync('dist',{recursive:true});for(const f of ['openapi.json','openapi.yaml'])fs.copyFileSync('openapi.json','dist/'+f)";
  await writeJson(join(spec, "package.json"), {
    name: "@tf-orders/spec",
    private: true,
    scripts: { lint: "node -e 0", build: `node -e "${copyToDist}"` },
  });
  for (const folder of ["scripts", join("src", "generated"), "dist"])
    await mkdir(join(client, folder), { recursive: true });
  await writeJson(join(client, "package.json"), {
    name: "@tf-orders/client",
    private: true,
    scripts: { generate: "node scripts/generate.cjs", build: "node scripts/build.cjs" },
  });
  await writeFile(
    join(client, "scripts", "generate.cjs"),
    `const fs = require("fs");
const { version } = JSON.parse(fs.readFileSync("../../spec/dist/openapi.json", "utf8")).info;
fs.writeFileSync("src/generated/version.ts", "export const version = " + JSON.stringify(version) + ";\\n");
`,
  );
  await writeFile(
    join(client, "scripts", "build.cjs"),
    `require("fs").copyFileSync("src/generated/version.ts", "dist/version.js");\n`,
  );
  await writeFile(join(client, "src", "generated", "version.ts"), 'export const version = "1.0.0";\n');
  await writeFile(join(client, "dist", "version.js"), 'export const version = "1.0.0";\n');
  await writeFile(join(client, "dist", "index.js"), 'export * from "./version.js";\n');

  const setSpecVersion = (version: string) =>
    writeJson(join(spec, "openapi.json"), { openapi: "3.1.0", info: { title: "Fake", version }, paths: {} });
  await setSpecVersion("1.0.0");
  return {
    root,
    setSpecVersion,
    breakClientBuild: () =>
      writeFile(
        join(client, "scripts", "build.cjs"),
        `const fs = require("fs");
fs.rmSync("dist/index.js");
fs.writeFileSync("dist/version.js", "export const version = ");
console.error("src/generated/version.ts(1,1): error TS1005: ';' expected.");
process.exit(2);
`,
      ),
  };
}
