import type { PrismServer } from "./prism-process.js";
import { serveSpec } from "./serve-spec.js";

/** Options shared by {@link startMock} and `startProxy`. */
export interface PrismOptions {
  /**
   * A single-file OpenAPI document to serve. Default: the repository's bundled contract
   * (`@tf-orders/spec/openapi.yaml`). Multi-file specs must be bundled first.
   */
  spec?: string;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on. Default `0`: a free port, reported in `url`. */
  port?: number;
  /** How long to wait for Prism to listen before failing. Default 60 000 ms. */
  startTimeoutMs?: number;
  /** Receives each line Prism logs (requests, violations), colours stripped. Default: discarded. */
  onLog?: (line: string) => void;
}

/** Options of {@link startMock}. */
export type MockOptions = PrismOptions;

/** A running mock; `url` is the base URL to give a client, `stop()` ends it. */
export type RunningMock = PrismServer;

/**
 * Starts a Prism mock of the toll-free ordering API: the pinned Prism from `node_modules` with `--errors`, so
 * an invalid request gets the spec's 422 (with an `sl-violations` header) and a served example that breaks
 * its own schema becomes a 500. The spec is copied first, so rebuilding it never restarts this server;
 * stop and start again to serve a new version.
 *
 * @returns once Prism says it listens.
 * @throws PrismStartError with Prism's log when it reports `fatal`, exits early or times out (a bad spec, a
 *   taken port); no process is left behind.
 * @example
 * ```ts
 * import { startMock } from "@tf-orders/mock";
 *
 * const mock = await startMock();
 * try {
 *   const client = createTollFreeClient({ baseUrl: mock.url, token: "any-token" });
 *   console.log(await client.purchaseTollFreeNumbers({ quantity: 1, packageID: 1234567, serviceArea: 4 }));
 * } finally {
 *   await mock.stop();
 * }
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  return serveSpec(options, (specPath) => ["mock", specPath]);
}
