import { loadBundledSpec, mockServer } from "@tf-orders/spec/reader";

/**
 * The port of the spec's loopback server, where `npm run mock` and `npm start` serve the mock by default.
 *
 * @example
 * specMockPort(); // 4010
 */
export function specMockPort(): number {
  return Number(mockServer(loadBundledSpec()).port);
}

/**
 * A port number from a flag or variable (0 picks a free one).
 *
 * @throws Error naming `source` (`--port`, `TF_MOCK_PORT`, …) and quoting the value, when it is not 0–65535.
 * @example
 * parsePort("--mock-port", "4011"); // 4011
 */
export function parsePort(source: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new Error(`${source} must be a port number from 0 to 65535, got '${text}'`);
  return port;
}
