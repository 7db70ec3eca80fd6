import type { ExitCode } from "../exit-codes.js";

/** One problem with one field of an order or one flag. */
export interface FieldProblem {
  /** The flag (`--package-id`) or order field (`packageID`) at fault. */
  readonly field: string;
  readonly message: string;
}

/**
 * A failure the CLI itself detects (bad flags, an invalid order, missing credentials, a refused
 * confirmation), carrying the exit code to end with and, when known, the fields at fault.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly problems: readonly FieldProblem[];

  constructor(
    readonly exitCode: ExitCode,
    message: string,
    field?: string,
    problems?: readonly FieldProblem[],
    /** How many problems there were beyond `problems`. */
    readonly moreProblems = 0,
  ) {
    super(message);
    this.problems = problems ?? (field === undefined ? [] : [{ field, message }]);
  }
}
