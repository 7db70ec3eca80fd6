const mask = "[redacted]";

/**
 * Masks every known secret in a response's text, in its raw form and as JSON escapes it, so that a server
 * echoing a token or password cannot carry it into an error's message, body or headers.
 */
export function redact(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    text = text.split(secret).join(mask).split(JSON.stringify(secret).slice(1, -1)).join(mask);
  }
  return text;
}
