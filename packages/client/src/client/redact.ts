const mask = "[redacted]";

/**
 * Replaces every known secret inside strings of `value` (deeply), so that a response echoing a token or
 * password cannot carry it into an error's message, body or headers.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === "string") {
    let text: string = value;
    for (const secret of secrets) if (secret) text = text.split(secret).join(mask);
    return text as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, secrets)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secrets), redact(item, secrets)])) as T;
  }
  return value;
}

/** A copy of response headers with secrets masked. */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const copy = new Headers();
  headers.forEach((value, key) => copy.append(key, redact(value, secrets)));
  return copy;
}
