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
