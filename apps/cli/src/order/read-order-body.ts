import { usageError } from "../args/usage-error.js";
import type { CliIo } from "../io.js";

/** The largest `--body` read: an order of thousands of numbers is well under it; anything larger is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the raw JSON order of `--body FILE` (or standard input for `--body -`): at most {@link MAX_BODY_BYTES}, valid
 * UTF-8 (a bad byte would otherwise become U+FFFD and be sent), and JSON. The order's content is validated like any
 * other order.
 */
export async function readOrderBody(source: string, io: CliIo): Promise<unknown> {
  const label = source === "-" ? "standard input" : source;
  let bytes: Uint8Array;
  try {
    bytes = source === "-" ? await io.readStdin(MAX_BODY_BYTES) : await io.readFile(source, MAX_BODY_BYTES);
  } catch (error) {
    if (io.interrupted.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--body: cannot read ${label}: ${reason}`, "--body");
  }
  if (bytes.length > MAX_BODY_BYTES) {
    throw usageError(
      `--body: ${label} is larger than ${MAX_BODY_BYTES} bytes (1 MiB), the most an order may be`,
      "--body",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const column = at - before.lastIndexOf(0x0a);
    throw usageError(
      `--body: ${label} is not valid UTF-8 at byte offset ${at} (line ${line}, column ${column})`,
      "--body",
    );
  }
  if (text.trim() === "") throw usageError(`--body: ${label} is empty`, "--body");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--body: ${label} is not valid JSON: ${reason.slice(0, 200)}`, "--body");
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return i;
}
