import type { CliIo } from "../io.js";

/** Secrets shorter than this are not searched for: masking every "a" in the output helps nobody. */
const MIN_SECRET_LENGTH = 4;

/**
 * Wraps the CLI's output streams so that none of the given secrets can be printed, whatever message
 * carries them (an echoed header, a server error quoting the request). A last line of defence: the
 * CLI never prints credentials on purpose.
 */
export function redactSecrets(io: CliIo, secrets: ReadonlyArray<string | undefined>): CliIo {
  const hidden = secrets.filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH);
  if (hidden.length === 0) return io;
  const scrub = (text: string): string => hidden.reduce((out, secret) => out.split(secret).join("[REDACTED]"), text);
  return { ...io, stdout: (text) => io.stdout(scrub(text)), stderr: (text) => io.stderr(scrub(text)) };
}
