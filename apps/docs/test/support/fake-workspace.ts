import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workspaceRoot } from "../../src/site/locations.js";

/**
 * A throw-away Turborepo workspace shaped like this repository, for `npm start` to watch and rebuild: a copy of the
 * real spec package (lint and bundle are the real ones) and turbo.json, the repository's node_modules, and two cheap
 * apps instead of the real ones: `site` renders the spec's title into `apps/site/dist/index.html` beside the bundle,
 * and `fragile` fails its build whenever the spec's title says `(break the app)`.
 */
export async function createFakeWorkspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "tf-docs-dev-"));
  const json = (path: string, value: unknown) => writeFile(join(root, path), `${JSON.stringify(value, null, 2)}\n`);
  await json("package.json", {
    name: "tf-docs-dev-test",
    private: true,
    packageManager: "npm@11.19.1",
    workspaces: ["spec", "apps/*"],
  });
  for (const file of ["turbo.json", "redocly.yaml", "tsconfig.base.json"]) {
    await cp(join(workspaceRoot, file), join(root, file));
  }
  await cp(join(workspaceRoot, "spec"), join(root, "spec"), {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules|test|\.turbo)$/.test(source),
  });
  await symlink(join(workspaceRoot, "node_modules"), join(root, "node_modules"), "dir");
  const title = "JSON.parse(require('fs').readFileSync('../../spec/dist/openapi.json','utf8')).info.title";
  const app = async (name: string, build: string) => {
    await mkdir(join(root, "apps", name), { recursive: true });
    await json(join("apps", name, "package.json"), {
      name: `@tf-dev-test/${name}`,
      private: true,
      devDependencies: { "@tf-orders/spec": "*" },
      scripts: { build: `node -e "${build}"` },
    });
  };
  await app(
    "site",
    `const fs=require('fs');fs.mkdirSync('dist',{recursive:true});for(const f of ['openapi.yaml','openapi.json'])fs.copyFileSync('../../spec/dist/'+f,'dist/'+f);fs.writeFileSync('dist/index.html','<title>'+${title}+' · reference</title>')`,
  );
  await app(
    "fragile",
    `if(${title}.includes('(break the app)')){console.error('fragile: cannot build this title');process.exit(2)}`,
  );
  return root;
}
