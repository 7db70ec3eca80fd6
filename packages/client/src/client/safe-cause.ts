import { redact } from "./redact.js";

type Described = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; errors?: unknown };

/**
 * A copy of a failure's cause that is safe to show: its name, code and message with every secret masked,
 * and the same for its own causes (two levels) and, for an AggregateError, its first few errors. Nothing
 * else is kept, because the originals hold what must not leak: undici's parser errors keep the raw bytes
 * of the answer (an echoed token), and fetch libraries attach the `Request` with its Authorization header.
 */
export function safeCause(cause: unknown, secrets: readonly string[], depth = 0): Error {
  const source = (typeof cause === "object" && cause !== null ? cause : { message: String(cause) }) as Described;
  const copy = new Error(redact(String(source.message ?? ""), secrets)) as Error & { code?: string; errors?: Error[] };
  copy.name = typeof source.name === "string" ? source.name : "Error";
  if (typeof source.code === "string" || typeof source.code === "number")
    copy.code = redact(String(source.code), secrets);
  if (depth < 2 && source.cause !== undefined) copy.cause = safeCause(source.cause, secrets, depth + 1);
  if (depth < 2 && Array.isArray(source.errors))
    copy.errors = source.errors.slice(0, 4).map((error: unknown) => safeCause(error, secrets, depth + 1));
  // The stack names our files and the message again: the masked message is all a reader needs.
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
