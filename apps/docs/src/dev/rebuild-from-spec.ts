import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runCommand } from "../process/run-command.js";
import { withoutBanners } from "../process/tool-output.js";
import { buildSite } from "../site/build-site.js";
import { quietToolEnv } from "../site/locations.js";
import { keepFolderOnFailure } from "./keep-folder-on-failure.js";
import { npmCommand } from "./npm-command.js";

const CLIENT_DIR = join("packages", "client");

/** Options of {@link rebuildFromSpec}. */
export interface RebuildOptions {
  /** Workspace holding spec/ (the spec package) and redocly.yaml. */
  root: string;
  /** Where the docs go. */
  siteDir: string;
  /**
   * Also run the client package's `generate` script, when it has one, then its `build` (its dist/ is
   * what the CLI and other code import).
   */
  generateClient: boolean;
  signal?: AbortSignal;
}

/** The outcome: what was rebuilt, or the step that failed and what it printed. */
export type RebuildResult = { ok: true; steps: string[] } | { ok: false; step: string; output: string };

async function hasScript(root: string, workspace: string, script: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(root, workspace, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    return manifest.scripts?.[script] !== undefined;
  } catch {
    return false;
  }
}

/**
 * Turns an edited spec into everything `npm start` serves: the spec package's own `lint` (nothing else
 * happens when it fails, so the last good build stays up), its `build` (the bundle), the docs, the
 * client's generated types and then the client's own `build` (packages/client/dist; a failed one leaves
 * the last good dist in place). Each step runs the package's own script, so this never drifts from them.
 */
export async function rebuildFromSpec(options: RebuildOptions): Promise<RebuildResult> {
  const { root, siteDir, generateClient, signal } = options;
  const specDir = join(root, "spec");
  const run = (args: string[], cwd: string) => {
    const [command, commandArgs] = npmCommand(args);
    return runCommand(command, commandArgs, { cwd, env: quietToolEnv, ...(signal ? { signal } : {}) });
  };
  const lint = await run(["run", "--silent", "lint"], specDir);
  if (!lint.ok) return { ok: false, step: "lint", output: withoutBanners(lint.output) };
  const bundle = await run(["run", "--silent", "build"], specDir);
  if (!bundle.ok) return { ok: false, step: "bundle", output: withoutBanners(bundle.output) };
  try {
    await buildSite({
      bundleDir: join(specDir, "dist"),
      config: join(root, "redocly.yaml"),
      outDir: siteDir,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return { ok: false, step: "docs", output: (error as Error).message };
  }
  const steps = ["lint", "bundle", "docs"];
  if (generateClient && (await hasScript(root, CLIENT_DIR, "generate"))) {
    const generate = await run(["run", "--silent", "generate", "--workspace=@tf-orders/client"], root);
    if (!generate.ok) return { ok: false, step: "client types", output: withoutBanners(generate.output) };
    steps.push("client types");
    if (await hasScript(root, CLIENT_DIR, "build")) {
      // dist/ is what the client's package.json exports point at.
      const build = await keepFolderOnFailure(join(root, CLIENT_DIR, "dist"), () =>
        run(["run", "--silent", "build", "--workspace=@tf-orders/client"], root),
      );
      if (!build.ok) return { ok: false, step: "client build", output: withoutBanners(build.output) };
      steps.push("client build");
    }
  }
  return { ok: true, steps };
}
