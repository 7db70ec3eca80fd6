import { usageError } from "./usage-error.js";

/**
 * Reads `--header 'Name: value'` values into a header record. This is a test seam (for example
 * `Prefer: code=402` against the mock) and is not listed in `--help`.
 */
export function parseHeaderFlags(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const text of values) {
    const colon = text.indexOf(":");
    const name = colon > 0 ? text.slice(0, colon).trim() : "";
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
      // Not quoted: a header's value may be a secret.
      throw usageError('--header must look like "Name: value" (a header name, a colon, then the value)', "--header");
    }
    if (name.toLowerCase() === "authorization") {
      // Credentials come from the environment only, so that they never sit in shell history.
      throw usageError(
        "--header cannot set Authorization; use TF_API_TOKEN or TF_API_USERNAME/TF_API_PASSWORD",
        "--header",
      );
    }
    headers[name] = text.slice(colon + 1).trim();
  }
  return headers;
}
