import { bundledSpecPath } from "./bundled-spec.js";
import { defaultStartTimeoutMs, launchPrism, type PrismServer } from "./prism-process.js";
import { snapshotSpec } from "./spec-snapshot.js";
import type { PrismOptions } from "./start-mock.js";

/**
 * What `startMock` and `startProxy` share: the option defaults, a private copy of the spec (so a rebuild
 * never restarts the server on another port), and Prism with `--errors` on the given host and port.
 * `command` gets the copy's path and returns the Prism command and its own arguments.
 */
export async function serveSpec(options: PrismOptions, command: (specPath: string) => string[]): Promise<PrismServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const snapshot = await snapshotSpec(options.spec ?? bundledSpecPath());
  return launchPrism({
    args: [...command(snapshot.path), "--host", host, "--port", String(port), "--errors"],
    host,
    port,
    startTimeoutMs: options.startTimeoutMs ?? defaultStartTimeoutMs,
    onLog: options.onLog,
    cleanup: snapshot.remove,
    ownedDir: snapshot.folder,
  });
}
