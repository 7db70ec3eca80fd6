import { createRequire } from "node:module";
import { runCommand, withoutBanners } from "../process.js";
import { quietToolEnv } from "../site/locations.js";

/** Options of {@link rebuildWorkspace}. */
export interface RebuildOptions {
  /** The Turborepo workspace whose spec/ changed. */
  root: string;
  /** Also regenerate the client's types (`generate`) before the builds. */
  generateClient: boolean;
  signal?: AbortSignal;
}

/**
 * What a rebuild did. `specFailed`: the spec's lint or bundle failed, so nothing else ran and the last good build
 * keeps running. Otherwise `failed` lists the app builds that failed: each keeps its last good output (tsc's
 * `noEmitOnError`, the docs' staged build), and the others were rebuilt all the same.
 */
export type RebuildResult = { ok: true } | { ok: false; specFailed: boolean; failed: string[]; output: string };

const turboBin = createRequire(import.meta.url).resolve("turbo/bin/turbo");

/** Runs `turbo run <args>` in the workspace, quietly, printing only the logs of tasks that failed. */
function turbo(root: string, args: string[], signal: AbortSignal | undefined) {
  return runCommand(process.execPath, [turboBin, "run", ...args, "--output-logs=errors-only", "--log-order=grouped"], {
    cwd: root,
    env: quietToolEnv,
    ...(signal ? { signal } : {}),
  });
}

/** The tasks turbo's summary names as failed (`Failed:    @tf-orders/spec#lint, …`). */
function failedTasks(output: string): string[] {
  return /^\s*Failed:\s+(.+)$/m.exec(output)?.[1]?.split(/,\s*/) ?? [];
}

/**
 * Turns an edited spec into everything `npm start` serves, by Turborepo and the packages' own scripts, so the
 * sequence is turbo.json's, never a copy of it: first the spec (`build` depends on `lint`, and with `generateClient`
 * the client's `generate` on that), stopping there when it fails; then `build` of every app under apps/ and what it
 * needs. The app builds go on past a failure (`--continue=always`): a client that no longer compiles keeps its last
 * good dist/ while the docs follow the new spec. Turbo's cache skips whatever the edit did not touch.
 */
export async function rebuildWorkspace(options: RebuildOptions): Promise<RebuildResult> {
  const { root, generateClient, signal } = options;
  const spec = generateClient
    ? await turbo(root, ["generate", "--filter=@tf-orders/client"], signal)
    : await turbo(root, ["build", "--filter=@tf-orders/spec"], signal);
  if (!spec.ok)
    return { ok: false, specFailed: true, failed: failedTasks(spec.output), output: withoutBanners(spec.output) };
  const apps = await turbo(root, ["build", "--filter=./apps/*", "--continue=always"], signal);
  if (!apps.ok)
    return { ok: false, specFailed: false, failed: failedTasks(apps.output), output: withoutBanners(apps.output) };
  return { ok: true };
}
