import { maskSecrets } from "@tf-orders/client";
import type { CliIo } from "../io.js";

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
