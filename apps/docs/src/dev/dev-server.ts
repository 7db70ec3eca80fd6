import { existsSync } from "node:fs";
import { join } from "node:path";
import { formatMockRequest, PrismStartError, type RunningMock, startMock } from "@tf-orders/mock";
import { type StaticServer, startStaticServer } from "../server/static-server.js";
import { SITE_FILES } from "../site/build-site.js";
import { mockOrderCurl } from "./mock-order-curl.js";
import { rebuildFromSpec } from "./rebuild-from-spec.js";
import { type SpecWatcher, watchSpec } from "./watch-spec.js";

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** Workspace holding spec/ and redocly.yaml. */
  root: string;
  /** Where the docs are built and served from. */
  siteDir: string;
  host: string;
  docsPort: number;
  mockPort: number;
  /** Regenerate the client's types and rebuild the client after each edit. */
  generateClient: boolean;
  /** Receives every progress and error message, one call per message. */
  log: (message: string) => void;
}

/** A running dev server. */
export interface DevServer {
  docsUrl: string;
  mockUrl: string;
  /** A ready-to-paste curl that places an order on the mock. */
  curl: string;
  /** Stops the watcher, any rebuild in progress, the mock and the docs server. */
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
 * `npm start`: serves the built reference and a Prism mock of the bundled spec, watches spec/, and on each
 * edit relints and rebuilds the bundle, the docs, the client's types and the client's dist/, then restarts
 * the mock. A spec that fails lint changes nothing; a later step that fails leaves the mock on the last good
 * spec and the client's last good dist/ in place.
 *
 * @throws Error when there is no good build to start from or a port is taken; nothing is left running.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root, siteDir, host, log } = options;
  const bundle = join(root, "spec", "dist");
  const lifetime = new AbortController();

  if (!existsSync(join(siteDir, "index.html")) || !existsSync(join(bundle, "openapi.yaml"))) {
    log("No build yet: linting and building the spec and the docs…");
    const first = await rebuildFromSpec({
      root,
      siteDir,
      generateClient: options.generateClient,
      signal: lifetime.signal,
    });
    if (!first.ok) throw new Error(`The spec's ${first.step} failed, so there is nothing to serve:\n${first.output}`);
  }

  let docs: StaticServer;
  try {
    docs = await startStaticServer({ root: siteDir, files: SITE_FILES, host, port: options.docsPort });
  } catch (error) {
    throw describeStartError("docs server", "--docs-port", options.docsPort, error);
  }
  let mock: RunningMock;
  try {
    mock = await startMock({
      spec: join(bundle, "openapi.yaml"),
      host,
      port: options.mockPort,
      onRequest: (request) => log(formatMockRequest(request)),
    });
  } catch (error) {
    await docs.close();
    throw describeStartError("mock", "--mock-port", options.mockPort, error);
  }
  let curl: string;
  try {
    curl = await mockOrderCurl(join(bundle, "openapi.json"), mock.url);
  } catch (error) {
    await Promise.all([mock.stop(), docs.close()]);
    throw error;
  }
  let rebuilding: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    const result = await rebuildFromSpec({
      root,
      siteDir,
      generateClient: options.generateClient,
      signal: lifetime.signal,
    });
    if (lifetime.signal.aborted) return;
    // The client's steps come after the bundle and the docs: when one of them fails, the docs are already
    // rebuilt, so the mock follows them too and only the client keeps its last good build.
    const clientOnly = !result.ok && (result.step === "client types" || result.step === "client build");
    if (!result.ok && !clientOnly) {
      log(`✗ The spec's ${result.step} failed; still serving the last good build.\n${result.output}`);
      return;
    }
    // The mock keeps its URL and swaps in the new spec without refusing a connection.
    try {
      await mock.swapSpec(join(bundle, "openapi.yaml"));
    } catch (error) {
      log(`✗ The mock did not restart: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!result.ok) {
      log(
        `✗ The ${result.step} failed: the docs and the mock follow the new spec, the client keeps its last good build.\n${result.output}`,
      );
      return;
    }
    log(`✓ Rebuilt (${result.steps.join(", ")}) and restarted the mock. Reload ${docs.url}`);
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
  const watcher: SpecWatcher = watchSpec(join(root, "spec"), schedule);

  let stopping: Promise<void> | undefined;
  return {
    docsUrl: docs.url,
    mockUrl: mock.url,
    curl,
    stop: () => {
      stopping ??= (async () => {
        watcher.close();
        lifetime.abort();
        await rebuilding;
        await Promise.all([mock.stop(), docs.close()]);
      })();
      return stopping;
    },
  };
}
