/** One request the mock answered, as `onRequest` receives it. Holds no header and no body: never a secret. */
export interface MockRequest {
  method: string;
  /** The path, without the query string. */
  path: string;
  status: number;
  /** The `error` of an error answer in the vendor's shape, such as a 422's message. */
  message?: string;
  /** Set when Prism and the rule table disagreed about the order; Prism's answer was sent. */
  fidelityWarning?: string;
  /** From the request's arrival to the end of the answer, in milliseconds. */
  durationMs: number;
}

const maxPathLength = 200;

/**
 * The request log's line for one request: method, path, status, the error message if any, the duration, and
 * a fidelity warning on a line of its own. Control characters (a key with a newline in an unknown-key message)
 * are escaped, so one request is always one line, and a fidelity warning exactly one more.
 *
 * @example
 * formatMockRequest({ method: "POST", path: "/_rest/v3/my/tf/orders", status: 422, durationMs: 3.2,
 *   message: "The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5" });
 * // POST /_rest/v3/my/tf/orders 422 The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5 (3 ms)
 */
export function formatMockRequest(request: MockRequest): string {
  const path = request.path.length > maxPathLength ? `${request.path.slice(0, maxPathLength)}…` : request.path;
  const parts = [request.method, path, String(request.status)];
  if (request.message !== undefined) parts.push(request.message);
  parts.push(`(${Math.round(request.durationMs)} ms)`);
  const line = escapeControls(parts.join(" "));
  return request.fidelityWarning === undefined
    ? line
    : `${line}\n  ⚠ fidelity: ${escapeControls(request.fidelityWarning)}`;
}

function escapeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
