const mask = "[redacted]";

/**
 * Masks every known secret inside the strings of `value`, deeply, so that a server echoing a token or
 * password cannot carry it into an error's message, body or headers. Only errors are redacted: a body the
 * caller asked for is returned as sent.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  return (
    typeof value === "string"
      ? secrets.reduce((text, secret) => text.split(secret).join(mask), value as string)
      : Array.isArray(value)
        ? value.map((item: unknown) => redact(item, secrets))
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secrets), redact(item, secrets)]))
          : value
  ) as T;
}
