/**
 * The exit codes of `tf-orders`, the contract scripts branch on. `--help` and the README list them
 * from {@link EXIT_CODE_HELP}, so the table and the code cannot drift apart.
 */
export const ExitCode = {
  /** The command did what was asked. */
  Ok: 0,
  /** A bug in the CLI: an error it does not know. */
  Internal: 1,
  /** Bad flags, an invalid order, or a purchase that was not confirmed. Nothing was sent. */
  Usage: 2,
  /** Credentials are missing, or the server rejected them (401). */
  Authentication: 3,
  /** The server refused the order for payment reasons (402, trial limit). */
  PaymentRequired: 4,
  /** The server answered with another error (406, 422, an unexpected answer). */
  ApiError: 5,
  /** A purchase may or may not have gone through (timeout or dropped connection after sending). */
  OutcomeUnknown: 6,
  /** The API could not be reached, and no order was sent (connection refused, unknown host, login timed out). */
  Unreachable: 7,
  /** Ctrl-C (SIGINT) before anything was sent: 128 + the signal's number, as shells report it. */
  Interrupted: 130,
  /** SIGTERM before anything was sent. */
  Terminated: 143,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One line per exit code, in the words `--help` prints. */
export const EXIT_CODE_HELP: ReadonlyArray<readonly [ExitCode, string]> = [
  [ExitCode.Ok, "success"],
  [ExitCode.Internal, "internal error (a bug in tf-orders; please report it)"],
  [ExitCode.Usage, "usage or validation error, or purchase not confirmed (nothing sent)"],
  [ExitCode.Authentication, "authentication: credentials missing or rejected (401)"],
  [ExitCode.PaymentRequired, "payment required: trial limit realized or exceeded (402)"],
  [ExitCode.ApiError, "other API error (406, 422, unexpected response); the order was not placed"],
  [ExitCode.OutcomeUnknown, "outcome unknown: check your orders before retrying (reuse the same --reference-id)"],
  [ExitCode.Unreachable, "API unreachable; no order was sent (is the mock running? `npm run mock`)"],
  [ExitCode.Interrupted, "interrupted by Ctrl-C before anything was sent (during a purchase: 6)"],
  [ExitCode.Terminated, "stopped by SIGTERM before anything was sent (during a purchase: 6)"],
];
