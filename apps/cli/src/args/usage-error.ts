import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

/**
 * Bad command-line syntax: an unknown option, a missing value, a value of the wrong form. Ends the
 * command with exit code 2 before anything is sent.
 *
 * @example
 * throw usageError('--quantity must be a whole number, got "two"', '--quantity');
 */
export function usageError(message: string, field?: string): CliError {
  return new CliError(ExitCode.Usage, message, field);
}
