import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { formatMockRequest, PrismStartError, type RunningMock, startMock } from "@tf-orders/mock";
import { type BundledSpec, locateOperation, mockServer } from "@tf-orders/spec/reader";
import { type RunningSite, serveSite } from "@tf-orders/web/site";
import { watch } from "chokidar";
import { SITE_FILES } from "../site/build-site.js";
import { rebuildWorkspace } from "./rebuild.js";

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** The Turborepo workspace: spec/, redocly.yaml, apps/. */
  root: string;
  /** Where the docs are built and served from. */
  siteDir: string;
  /** Where the order desk is built (served only when it has been built). */
  deskDir: string;
  host: string;
  docsPort: number;
  deskPort: number;
  mockPort: number;
  /** Regenerate the client's types (and so rebuild the client) after each edit. */
  generateClient: boolean;
  /** Receives every progress and error message, and every request the mock answers, one call per message. */
  log: (message: string) => void;
  /** Quiet time after the last change of spec/ before a rebuild. Default 300 ms. */
  debounceMs?: number;
}

/** A running dev server. */
export interface DevServer {
  docsUrl: string;
  /** The order desk, aimed at the mock; undefined when the desk is not built. */
  deskUrl: string | undefined;
  mockUrl: string;
  /** A ready-to-paste curl that places an order on the mock. */
  curl: string;
  /** Stops the watcher, any rebuild in progress, the mock and the servers. */
  stop(): Promise<void>;
}

function describeStartError(what: string, flag: string, port: number, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const inUse =
    (error as NodeJS.ErrnoException).code === "EADDRINUSE" || (error instanceof PrismStartError && error.portInUse);
  return new Error(
    inUse
      ? `Cannot start the ${what}: port ${port} is in use. Stop what uses it, or pass ${flag} <port>.`
      : `Cannot start the ${what}: ${message}`,
  );
}

/**
 * Whether a path under spec/ can hold an edit of the spec. Not: build output (`dist/`), dependencies, dot folders and
 * files (`.turbo/`, editors' temp files), editors' swap and backup files.
 */
export function isSpecEdit(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? "";
  if (parts[0] === "dist" || parts.includes("node_modules") || parts.some((part) => part.startsWith("."))) return false;
  return !(name.endsWith("~") || /\.sw[a-px]$/.test(name) || name === "4913");
}

/**
 * The spec's own curl sample for a purchase (`x-codeSamples`), without its comment lines, aimed at the running mock:
 * the spec's loopback server is replaced with the mock's real URL. It reads the workspace's bundle, which is what
 * `npm start` serves.
 *
 * @throws Error naming the file when it has no curl sample for purchaseTollFreeNumbers.
 */
export async function mockOrderCurl(bundledSpecJson: string, mockUrl: string): Promise<string> {
  const spec = JSON.parse(await readFile(bundledSpecJson, "utf8")) as BundledSpec;
  let samples: { lang: string; label?: string; source: string }[] | undefined;
  try {
    samples = locateOperation(spec, "purchaseTollFreeNumbers").operation["x-codeSamples"] as typeof samples;
  } catch {
    samples = undefined;
  }
  const sample = samples?.find((candidate) => (candidate.label ?? candidate.lang).toLowerCase() === "curl");
  if (sample === undefined)
    throw new Error(`${bundledSpecJson} has no curl x-codeSamples entry for purchaseTollFreeNumbers`);
  const command = sample.source
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
  return command.replaceAll(mockServer(spec).href.replace(/\/$/, ""), mockUrl.replace(/\/$/, ""));
}

/**
 * `npm start` (after a build of every app): serves the reference, the order desk and the mock, watches spec/, and on
 * each edit rebuilds through Turborepo ({@link rebuildWorkspace}) and swaps the new spec into the running mock, which
 * refuses no connection meanwhile. A spec that fails its lint or bundle changes nothing; an app whose build fails
 * keeps its last good output while the others follow the new spec.
 *
 * @throws Error when there is no build to serve or a port is taken; nothing is left running.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root, siteDir, deskDir, host, log } = options;
  const bundle = join(root, "spec", "dist");
  const lifetime = new AbortController();
  if (!existsSync(join(siteDir, "index.html")) || !existsSync(join(bundle, "openapi.yaml"))) {
    log("No build yet: building through turbo…");
    const first = await rebuildWorkspace({ root, generateClient: options.generateClient, signal: lifetime.signal });
    if (!first.ok)
      throw new Error(`The build failed (${first.failed.join(", ")}), so there is nothing to serve:\n${first.output}`);
  }
  const started: { close(): Promise<void> }[] = [];
  const stopStarted = () => Promise.all(started.splice(0).map((server) => server.close()));
  let docs: RunningSite;
  let desk: RunningSite | undefined;
  let mock: RunningMock;
  let curl: string;
  try {
    docs = await serveSite({ root: siteDir, files: SITE_FILES, host, port: options.docsPort }).catch((error) => {
      throw describeStartError("docs server", "--docs-port", options.docsPort, error);
    });
    started.push(docs);
    if (existsSync(join(deskDir, "index.html"))) {
      desk = await serveSite({ root: deskDir, host, port: options.deskPort }).catch((error) => {
        throw describeStartError("order desk", "--desk-port", options.deskPort, error);
      });
      started.push(desk);
    }
    mock = await startMock({
      spec: join(bundle, "openapi.yaml"),
      host,
      port: options.mockPort,
      onRequest: (request) => log(formatMockRequest(request)),
    }).catch((error) => {
      throw describeStartError("mock", "--mock-port", options.mockPort, error);
    });
    started.push({ close: () => mock.stop() });
    curl = await mockOrderCurl(join(bundle, "openapi.json"), mock.url);
  } catch (error) {
    await stopStarted();
    throw error;
  }

  let rebuilding: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    const result = await rebuildWorkspace({ root, generateClient: options.generateClient, signal: lifetime.signal });
    if (lifetime.signal.aborted) return;
    if (!result.ok && result.specFailed) {
      log(`✗ The spec failed (${result.failed.join(", ")}); still serving the last good build.\n${result.output}`);
      return;
    }
    try {
      await mock.swapSpec(join(bundle, "openapi.yaml"));
    } catch (error) {
      log(`✗ The mock keeps the last good spec: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!result.ok) {
      log(
        `✗ ${result.failed.join(", ")} failed and keeps its last good build; the rest follows the new spec.\n${result.output}`,
      );
      return;
    }
    log(`✓ Rebuilt and swapped the new spec into the mock. Reload ${docs.url}`);
  };

  const schedule = (paths: string[]) => {
    log(`Spec changed (${paths.join(", ")}): rebuilding…`);
    if (rebuilding !== undefined) {
      again = true;
      return;
    }
    rebuilding = (async () => {
      do {
        again = false;
        await rebuild().catch((error: unknown) =>
          log(`✗ Rebuild failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      } while (again && !lifetime.signal.aborted);
      rebuilding = undefined;
    })();
  };

  // chokidar watches each folder and re-reads a file replaced by a rename (sed -i, git checkout, editors' safe
  // save), which Node 20's recursive fs.watch loses track of. Edits are reported once they settle: an editor's save
  // is often several steps, and one rebuild per save is what a person wants.
  const specDir = join(root, "spec");
  const pending = new Set<string>();
  let settle: NodeJS.Timeout | undefined;
  const watcher = watch(specDir, {
    ignoreInitial: true,
    ignored: (path) => path !== specDir && !isSpecEdit(relative(specDir, path)),
  });
  watcher.on("all", (_event, path) => {
    pending.add(relative(specDir, path).split(sep).join("/"));
    clearTimeout(settle);
    settle = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      schedule(paths);
    }, options.debounceMs ?? 300);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  let stopping: Promise<void> | undefined;
  return {
    docsUrl: docs.url,
    deskUrl: desk && `${desk.url}?mock=${mock.url}`,
    mockUrl: mock.url,
    curl,
    stop: () => {
      stopping ??= (async () => {
        clearTimeout(settle);
        await watcher.close();
        lifetime.abort();
        await rebuilding;
        await stopStarted();
      })();
      return stopping;
    },
  };
}
