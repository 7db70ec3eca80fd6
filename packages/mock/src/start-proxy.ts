// The validating proxy in front of a real server, serving a private copy of the spec.
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { defaultStartTimeoutMs, launchPrism, type PrismServer } from "./prism-process.js";
import { bundledSpecPath } from "./spec-defaults.js";
import type { PrismOptions } from "./start-mock.js";

/** Options of {@link startProxy}. */
export interface ProxyOptions extends PrismOptions {
  /** The real server to check, such as `https://customer.intelepeer.com`. */
  upstream: string;
  /**
   * Let Prism reject requests that break the spec itself (422 without calling upstream). Default `false`:
   * every request reaches the real server, so its own answers to bad requests are checked against the spec.
   * Prism still answers a request with no `Authorization` header itself (401) in either case.
   */
  validateRequest?: boolean;
}

/** A running validating proxy; send requests to `url`. */
export type RunningProxy = PrismServer;

/**
 * Starts `prism proxy <spec> <upstream> --errors`: requests go to the real server, and every response is
 * validated against the spec. A response that breaks it is replaced by Prism's 500
 * `application/problem+json` whose `validation` list (and `sl-violations` header) names each violation.
 *
 * @throws PrismStartError as for `startMock`, and Error when `upstream` is not an http(s) URL.
 * @example
 * ```ts
 * const proxy = await startProxy({ upstream: process.env.TF_API_BASE_URL! });
 * const client = createTollFreeClient({ baseUrl: proxy.url, credentials });
 * await client.authenticate(); // the real login, its response checked against the spec
 * await proxy.stop();
 * ```
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const upstream = parseUpstream(options.upstream);
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  // A private copy: Prism reloads a changed document and, on port 0, comes back on another port.
  const snapshot = await snapshotSpec(options.spec ?? bundledSpecPath());
  return launchPrism({
    args: [
      "proxy",
      snapshot.path,
      upstream,
      `--validate-request=${String(options.validateRequest ?? false)}`,
      ...["--host", host, "--port", String(port), "--errors"],
    ],
    host,
    port,
    startTimeoutMs: options.startTimeoutMs ?? defaultStartTimeoutMs,
    onLog: options.onLog,
    cleanup: snapshot.remove,
    ownedDir: snapshot.folder,
  });
}

function parseUpstream(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`upstream must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`upstream must be an http(s) URL, got protocol ${url.protocol}`);
  }
  return url.href;
}

/** A private copy of a spec file, removed by `remove()`. */
export interface SpecSnapshot {
  path: string;
  /** The temporary folder holding the copy. */
  folder: string;
  remove(): Promise<void>;
}

/**
 * Copies a single-file spec into a fresh temporary folder.
 *
 * Prism watches the document it serves and restarts when it changes; with port 0 the restarted server
 * listens on a new random port, so a rebuild of the bundle would silently orphan the URL we handed out.
 * Serving a private copy keeps one contract for the life of the server: restart it to pick up changes.
 */
export async function snapshotSpec(specPath: string): Promise<SpecSnapshot> {
  const folder = await mkdtemp(join(tmpdir(), "tf-orders-mock-"));
  const path = join(folder, basename(specPath));
  try {
    await copyFile(specPath, path);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw new Error(`Cannot read the spec ${specPath}: ${(error as Error).message}`, { cause: error });
  }
  return { path, folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
