import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCommand, withoutBanners } from "../process.js";
import { quietToolEnv, redoclyBin } from "./locations.js";
import { findRemoteAssets, makeOffline } from "./offline-html.js";

/** The files of the built site, as the static server serves them. */
export const SITE_FILES = ["index.html", "openapi.yaml", "openapi.json"] as const;

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Folder holding the bundled spec, `openapi.yaml` and `openapi.json` (the spec package's dist/). */
  bundleDir: string;
  /** The redocly.yaml whose `openapi:` block holds the Redoc options. */
  config: string;
  /** Where the site goes (apps/docs/dist); other files in it are left alone. */
  outDir: string;
  signal?: AbortSignal;
}

interface SpecInfo {
  info?: { title?: string; version?: string };
}

/**
 * Builds the offline reference: `redocly build-docs --inlineBundle` on the bundled spec, Redoc's CDN
 * logo swapped for an inline one, and the bundled spec copied beside it for download. The files are
 * built in a staging folder and then renamed into place, so a server reading `outDir` never sees a
 * half-written page, and a failed build leaves the last good one.
 *
 * @throws Error with Redocly's output when build-docs fails, or with the URLs when the page would
 *   still fetch something from another host.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const { bundleDir, config, outDir, signal } = options;
  const spec = JSON.parse(await readFile(join(bundleDir, "openapi.json"), "utf8")) as SpecInfo;
  const title = `${spec.info?.title ?? "API"} ${spec.info?.version ?? ""} · reference`.replace(/\s+·/, " ·");
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, ".staging-"));
  try {
    const page = join(staging, "index.html");
    const args = [redoclyBin(), "build-docs", join(bundleDir, "openapi.yaml"), "--config", config];
    args.push("--inlineBundle", "--title", title, "-o", page);
    const built = await runCommand(process.execPath, args, {
      cwd: staging,
      env: quietToolEnv,
      ...(signal ? { signal } : {}),
    });
    if (!built.ok) throw new Error(`redocly build-docs failed:\n${withoutBanners(built.output)}`);
    const html = makeOffline(await readFile(page, "utf8"));
    const remote = findRemoteAssets(html);
    if (remote.length > 0) {
      throw new Error(`The built page would fetch from other hosts; make these local:\n  ${remote.join("\n  ")}`);
    }
    await writeFile(page, html);
    await copyFile(join(bundleDir, "openapi.yaml"), join(staging, "openapi.yaml"));
    await copyFile(join(bundleDir, "openapi.json"), join(staging, "openapi.json"));
    for (const file of SITE_FILES) await rename(join(staging, file), join(outDir, file));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
