const mask = "[redacted]";
/** Deeper than any answer of this API; a hostile one nested further must not exhaust the stack. */
const maxDepth = 64;
/** Shorter secrets are not masked: masking "t" would mangle every word of a server's message. */
export const minSecretLength = 4;

/**
 * Every way a server can write one character of a secret back: as is; JSON-escaped (`\n`, `\"`, `\/`, `\u000a`,
 * surrogate pairs); percent-encoded UTF-8 (`%0A`, `+` for a space); as an HTML entity; and each of those JSON-escaped
 * once more, for a JSON text quoted inside another. Letter case is left to the pattern's `i` flag, which also catches a
 * secret sent back as a (lower-cased) header name.
 */
function characterForms(char: string): string[] {
  const code = char.codePointAt(0)!;
  const units = char.length === 2 ? [char.charCodeAt(0), char.charCodeAt(1)] : [code];
  const hex = (value: number, width: number) => value.toString(16).padStart(width, "0");
  const short: Record<string, string> = { '"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n" };
  Object.assign(short, { "\r": "\\r", "\t": "\\t" });
  const entities: Record<string, string> = { '"': "&quot;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&apos;" };
  const forms = [
    char,
    units.map((unit) => `\\u${hex(unit, 4)}`).join(""),
    [...new TextEncoder().encode(char)].map((byte) => `%${hex(byte, 2)}`).join(""),
    `&#${code};`,
    `&#x${hex(code, 1)};`,
  ];
  if (short[char]) forms.push(short[char]);
  if (entities[char]) forms.push(entities[char]);
  if (char === " ") forms.push("+");
  const nested = forms.map((form) => form.replace(/[\\"]/g, "\\$&"));
  return [...new Set([...forms, ...nested])];
}

/** The parts of a secret's base64 (standard and URL-safe) that do not depend on the bytes around it. */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = btoa(String.fromCharCode(...padded));
    // The first group mixes in the bytes before the secret, the last one the bytes after it.
    const core = encoded.slice(offset ? 4 : 0, 4 * Math.floor(padded.length / 3));
    if (core.length >= 8) forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = new WeakMap<readonly string[], { count: number; pattern: RegExp | undefined }>();

/** One case-insensitive pattern for every form of every secret long enough to mask; cached per list and length. */
function secretPattern(secrets: readonly string[]): RegExp | undefined {
  const cached = patterns.get(secrets);
  if (cached?.count === secrets.length) return cached.pattern;
  const alternatives = secrets
    .filter((secret) => secret.length >= minSecretLength)
    .flatMap((secret) => [
      [...secret].map((char) => `(?:${characterForms(char).map(escapeRegExp).join("|")})`).join(""),
      ...base64Forms(secret).map(escapeRegExp),
    ]);
  const pattern = alternatives.length ? new RegExp(alternatives.join("|"), "gi") : undefined;
  patterns.set(secrets, { count: secrets.length, pattern });
  return pattern;
}

/**
 * Replaces every secret in `text` with `[redacted]`, in any form a server may echo it: as is, JSON-escaped (once or
 * twice, any mix of `\n`, `\u000a` and `\/`), percent-encoded, as HTML entities, in base64, and in any letter case
 * (a header name comes back lower-cased). Secrets shorter than four characters are left alone.
 *
 * @example
 * ```ts
 * maskSecrets('{"error":"bad password \\"pw\\\\n1234\\""}', ["pw\n1234"]); // '{"error":"bad password \\"[redacted]\\""}'
 * ```
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const pattern = secretPattern(secrets);
  return pattern ? text.replace(pattern, mask) : text;
}

/**
 * Masks every secret inside the strings (keys included) of `value`, deeply. Only errors are redacted: a body the caller
 * asked for is returned as sent. Below {@link maxDepth} levels, values are replaced by a marker.
 */
export function redact<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === "string") return maskSecrets(value, secrets) as T;
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxDepth) return "[nested too deeply]" as T;
  return (
    Array.isArray(value)
      ? value.map((item: unknown) => redact(item, secrets, depth + 1))
      : Object.fromEntries(
          Object.entries(value).map(([key, item]) => [maskSecrets(key, secrets), redact(item, secrets, depth + 1)]),
        )
  ) as T;
}

/**
 * The response's headers with secrets masked, for an error: a name that holds a secret becomes `x-redacted`. A header
 * fetch received but would refuse to build (an odd name such as `X-Echo ` that a lenient parser let through) is left
 * out instead of turning the error report itself into a crash.
 */
export function redactHeaders(response: Response, secrets: readonly string[]): Headers {
  const headers = new Headers();
  for (const [name, value] of response.headers) {
    try {
      headers.append(maskSecrets(name, secrets) === name ? name : "x-redacted", maskSecrets(value, secrets));
    } catch {
      // Unrepresentable: dropped.
    }
  }
  return headers;
}

type Described = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; errors?: unknown };

/**
 * A copy of a failure's cause that is safe to show: its name, code and message with every secret masked, and the same
 * for its own causes (two levels) and, for an AggregateError, its first few errors. Nothing else is kept, because the
 * originals hold what must not leak: undici's parser errors keep the raw bytes of the answer (an echoed token), and
 * fetch libraries attach the `Request` with its Authorization header. Reading a hostile error's fields cannot throw.
 */
export function safeCause(cause: unknown, secrets: readonly string[], depth = 0): Error {
  let source: Described;
  let message: string;
  try {
    source = (typeof cause === "object" && cause !== null ? cause : { message: String(cause) }) as Described;
    message = String(source.message ?? "").slice(0, 1000);
  } catch {
    source = {};
    message = "(an error that cannot be read)";
  }
  const copy = new Error(maskSecrets(message, secrets)) as Error & { code?: string; errors?: Error[] };
  const read = (key: keyof Described): unknown => {
    try {
      return source[key];
    } catch {
      return undefined;
    }
  };
  const name = read("name");
  const code = read("code");
  const inner = read("cause");
  const errors = read("errors");
  copy.name = typeof name === "string" ? maskSecrets(name.slice(0, 100), secrets) : "Error";
  if (typeof code === "string" || typeof code === "number")
    copy.code = maskSecrets(String(code).slice(0, 100), secrets);
  if (depth < 2 && inner !== undefined) copy.cause = safeCause(inner, secrets, depth + 1);
  if (depth < 2 && Array.isArray(errors))
    copy.errors = errors.slice(0, 4).map((error) => safeCause(error, secrets, depth + 1));
  // The stack names our files and the message again: the masked message is all a reader needs.
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
