import { bundledSpecPath } from "./bundled-spec.js";
import { defaultStartTimeoutMs, launchPrism, type PrismServer } from "./prism-process.js";
import { snapshotSpec } from "./spec-snapshot.js";
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
