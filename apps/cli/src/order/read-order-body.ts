import { usageError } from "../args/usage-error.js";
import type { CliIo } from "../io.js";

/**
 * Reads the raw JSON order of `--body FILE` (or standard input for `--body -`). Only JSON syntax is
 * checked here; the order's content is validated like any other order.
 */
export async function readOrderBody(source: string, io: CliIo): Promise<unknown> {
  const label = source === "-" ? "standard input" : source;
  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--body: cannot read ${label}: ${reason}`, "--body");
  }
  if (text.trim() === "") throw usageError(`--body: ${label} is empty`, "--body");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--body: ${label} is not valid JSON: ${reason}`, "--body");
  }
}
