import type { ErrorReport } from "../errors/error-report.js";
import type { CliIo } from "../io.js";

/** A server's message can be as long as its answer (64 KiB): the terminal gets its start. */
const MAX_MESSAGE_LENGTH = 2000;

/**
 * Prints a failure on stderr: `tf-orders <command>: <message>` plus a hint line, or with `--json` one
 * JSON object `{ "error": { exitCode, message, ... } }` on a single line so scripts can parse it.
 */
export function writeError(io: Pick<CliIo, "stderr">, prefix: string, report: ErrorReport, json: boolean): void {
  if (json) {
    io.stderr(`${JSON.stringify({ error: report })}\n`);
    return;
  }
  const message =
    report.message.length > MAX_MESSAGE_LENGTH
      ? `${report.message.slice(0, MAX_MESSAGE_LENGTH)}… (${report.message.length - MAX_MESSAGE_LENGTH} more characters)`
      : report.message;
  const lines = [`${prefix}: ${message}`];
  if (report.parameter !== undefined) lines.push(`  parameter: ${report.parameter}`);
  if (report.hint !== undefined) lines.push(`  hint: ${report.hint}`);
  io.stderr(`${lines.join("\n")}\n`);
}
