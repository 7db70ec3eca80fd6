const mask = "[redacted]";
/** Deeper than any answer of this API; a hostile one nested further must not exhaust the stack. */
const maxDepth = 64;

/**
 * Masks every known secret inside the strings of `value`, deeply, so that a server echoing a token or
 * password cannot carry it into an error's message, body or headers. Only errors are redacted: a body the
 * caller asked for is returned as sent. Below {@link maxDepth} levels, values are replaced by a marker.
 */
export function redact<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === "string")
    return secrets.reduce((text, secret) => text.split(secret).join(mask), value as string) as T;
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxDepth) return "[nested too deeply]" as T;
  return (
    Array.isArray(value)
      ? value.map((item: unknown) => redact(item, secrets, depth + 1))
      : Object.fromEntries(
          Object.entries(value).map(([key, item]) => [redact(key, secrets), redact(item, secrets, depth + 1)]),
        )
  ) as T;
}
