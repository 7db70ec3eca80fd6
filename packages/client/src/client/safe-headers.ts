import { redact } from "./redact.js";

/**
 * The response's headers with secrets masked, for an error. A header fetch received but would refuse to
 * build (an odd name such as `X-Echo ` that a lenient parser let through, or one that masking changed) is
 * left out instead of turning the error report itself into a crash.
 */
export function safeHeaders(response: Response, secrets: readonly string[]): Headers {
  const headers = new Headers();
  for (const [name, value] of response.headers) {
    try {
      headers.append(redact(name, secrets), redact(value, secrets));
    } catch {
      // Unrepresentable: dropped.
    }
  }
  return headers;
}
