// The Prism CLI as a child process (what the proxy runs): its entry script, its start, and why a start failed.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { dieWithParent, supervise } from "./children.js";

/** A running Prism CLI server (`prism proxy`). */
export interface PrismServer {
  /** The base URL Prism reported, such as `http://127.0.0.1:4010`. */
  readonly url: string;
  /** The PID of the Prism process. */
  readonly pid: number;
  /** Settles once the Prism process has exited, for whatever reason (stop(), a crash, a signal). */
  readonly closed: Promise<void>;
  /**
   * Stops Prism (SIGTERM, then SIGKILL if it lingers) and removes its private copy of the spec.
   * Resolves once the process is gone; calling it again returns the same promise.
   */
  stop(): Promise<void>;
  /** Prism's latest output lines (colours stripped), for diagnostics. */
  log(): string;
}

/** How to run the Prism CLI (`startProxy` runs `prism proxy`; the CORS test compares with `prism mock`). */
export interface PrismLaunch {
  /** Arguments after the CLI entry, such as `["proxy", spec, upstream, "--errors"]`. */
  args: string[];
  host: string;
  port: number;
  /** Milliseconds to wait for `Prism is listening on …` before giving up. */
  startTimeoutMs: number;
  /** Receives every line Prism prints, colours stripped. */
  onLog: ((line: string) => void) | undefined;
  /** Runs once Prism has exited after a failed start or a stop. */
  cleanup: () => Promise<void>;
  /** A folder Prism deletes itself if this process dies without running `cleanup` (Prism's spec copy). */
  ownedDir?: string;
}

const listening = /Prism is listening on (\S+)/;
// Signale's badge for pino's fatal level, as in `[CLI] ✖  fatal     No operations found…`.
const fatal = /✖\s+fatal\b/;
/**
 * Prism normally listens within 2–5 s; on a loaded 2-core machine it has taken 20 s. A failed start is
 * reported as soon as Prism says `fatal` or exits, so this only bounds a start that hangs.
 */
export const defaultStartTimeoutMs = 60_000;
const fatalGraceMs = 2000;

/** Spawns the Prism CLI and resolves once it listens; rejects with {@link PrismStartError} and no process left. */
export async function launchPrism(launch: PrismLaunch): Promise<PrismServer> {
  const guard = dieWithParent(launch.ownedDir);
  const child = spawn(process.execPath, [...guard.execArgv, prismEntry(), ...launch.args], {
    // NODE_ENV=production makes Prism fork workers, and the PID we hold would no longer be the server.
    env: { ...process.env, ...guard.env, NODE_ENV: "test", FORCE_COLOR: "0" },
    // stdin is the pipe that tells Prism this process is gone (see dieWithParent).
    stdio: ["pipe", "pipe", "pipe"],
  });
  let watchLine = (_line: string) => {};
  const supervised = supervise(child, (line) => {
    launch.onLog?.(line);
    watchLine(line);
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= supervised.stop().then(launch.cleanup);
    return stopping;
  };

  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    let fatalSeen = false;
    const fail = async (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      await stop();
      const log = supervised.log();
      const portInUse = /EADDRINUSE/.test(log);
      reject(
        portInUse
          ? PrismStartError.takenPort(launch.host, launch.port, withoutUsage(log), child.pid)
          : new PrismStartError(reason, withoutUsage(log), child.pid),
      );
    };
    const timeout = setTimeout(
      () => void fail(`Prism did not report that it listens within ${launch.startTimeoutMs} ms`),
      launch.startTimeoutMs,
    );
    watchLine = (line: string) => {
      const ready = listening.exec(line);
      if (ready?.[1] !== undefined && !settled && !fatalSeen) {
        settled = true;
        clearTimeout(timeout);
        resolve(ready[1]);
      } else if (fatal.test(line) && !settled && !fatalSeen) {
        // Prism prints the cause (EADDRINUSE, a parse error) after its fatal line and then exits by
        // itself; the exit handler below rejects with the whole log. Kill it only if it lingers.
        fatalSeen = true;
        setTimeout(() => child.kill("SIGKILL"), fatalGraceMs).unref();
      }
    };
    child.once("error", (error) => void fail(`Cannot run Prism: ${error.message}`));
    void supervised.closed.then(() =>
      fail(
        fatalSeen
          ? "Prism reported a fatal error"
          : `Prism exited before it listened (exit code ${String(child.exitCode)})`,
      ),
    );
  });

  return { url, pid: supervised.pid, closed: supervised.closed, stop, log: supervised.log };
}

/**
 * The Prism CLI's own mock, `prism mock <spec> --errors` on 127.0.0.1, as `startMock` ran it before it had a
 * front: the baseline that the CORS test and the benchmarks compare the mock with.
 */
export function launchPrismCliMock(spec: string, port = 0): Promise<PrismServer> {
  return launchPrism({
    args: ["mock", spec, "--host", "127.0.0.1", "--port", String(port), "--errors"],
    host: "127.0.0.1",
    port,
    startTimeoutMs: defaultStartTimeoutMs,
    onLog: undefined,
    cleanup: async () => {},
  });
}

/** Drops the CLI usage text that yargs prints on any failure; it hides the one line that matters. */
function withoutUsage(log: string): string {
  const kept: string[] = [];
  let inUsage = false;
  let inOptions = false;
  for (const line of log.split("\n")) {
    if (/^prism (mock|proxy) </.test(line)) inUsage = true;
    else if (inUsage && line.startsWith("Options:")) inOptions = true;
    else if (inOptions && /^\S/.test(line)) inUsage = inOptions = false;
    if (!inUsage && line.trim() !== "") kept.push(line);
  }
  return kept.join("\n");
}

const require = createRequire(import.meta.url);

/**
 * The pinned Prism CLI's entry script, resolved from `node_modules` so that it runs under the current Node
 * with no `npx` and no download.
 */
export function prismEntry(): string {
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = require(manifestPath) as { bin?: { prism?: string } };
  return join(dirname(manifestPath), manifest.bin?.prism ?? "dist/index.js");
}

/**
 * Prism did not come up: it logged `fatal`, exited early, or never said it was listening in time.
 * `log` holds Prism's own output so the cause (a bad spec, a taken port) is visible to the caller.
 *
 * @example
 * ```ts
 * try {
 *   await startMock({ port: 4010 });
 * } catch (error) {
 *   if (error instanceof PrismStartError) console.error(error.log);
 * }
 * ```
 */
export class PrismStartError extends Error {
  override readonly name = "PrismStartError";

  constructor(
    message: string,
    /** Prism's output up to the failure, with colours stripped. */
    readonly log: string,
    /** The PID of the Prism process that failed; it has exited (or been killed) by the time this is thrown. */
    readonly pid: number | undefined,
    /** Prism could not listen because the port is taken (EADDRINUSE): pick another one. */
    readonly portInUse = false,
  ) {
    super(log.trim() === "" ? message : `${message}\n--- Prism's log ---\n${log.trimEnd()}`);
  }

  /** The port was taken: the error says which, and how to pick another. */
  static takenPort(host: string, port: number, log: string, pid: number | undefined): PrismStartError {
    return new PrismStartError(
      `Port ${port} on ${host} is already in use: stop what listens there, or pass another port (0 picks a free one).`,
      log,
      pid,
      true,
    );
  }
}
