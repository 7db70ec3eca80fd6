// What the CLI prints: order summaries, JSON, error reports, and the mask that keeps every secret out of all of it.
import type { Order } from "@tf-orders/client";
import { maskSecrets } from "@tf-orders/client";
import type { ErrorReport } from "./errors.js";
import type { CliIo } from "./io.js";

/**
 * The human summary of an accepted order: its ID and its batch IDs, the two things an operator
 * needs to follow it up.
 *
 * @example
 * formatOrderSummary({ orderID: 287225, batches: [{ batchID: 31458 }] });
 * // 'Order accepted.\n  order ID:  287225\n  batch IDs: 31458\n'
 */
export function formatOrderSummary(order: Order): string {
  const batchIds = order.batches.map((batch) => String(batch.batchID));
  return [
    "Order accepted.",
    `  order ID:  ${order.orderID}`,
    `  batch IDs: ${batchIds.length === 0 ? "(none)" : batchIds.join(", ")}`,
    "",
  ].join("\n");
}

/** Serialises a value for `--json` output: pretty-printed, one trailing newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

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

/**
 * Wraps the CLI's output streams so that none of the given secrets can be printed, whatever message carries them (an
 * echoed header, a server error quoting the request) and in whatever form a server echoed them (JSON-escaped,
 * percent-encoded, another letter case: the client's `maskSecrets`). A last line of defence: the CLI never prints
 * credentials on purpose.
 */
export function redactSecrets(io: CliIo, secrets: ReadonlyArray<string | undefined>): CliIo {
  const hidden = secrets.filter((secret): secret is string => secret !== undefined && secret !== "");
  if (hidden.length === 0) return io;
  const scrub = (text: string): string => maskSecrets(text, hidden);
  return { ...io, stdout: (text) => io.stdout(scrub(text)), stderr: (text) => io.stderr(scrub(text)) };
}
