import { describe, expect, it } from "vitest";
import { formatMockRequest, type MockRequest } from "../src/request-log.ts";

const order = "/_rest/v3/my/tf/orders";

describe("formatMockRequest", () => {
  it.each<[string, MockRequest, string]>([
    ["a success", { method: "POST", path: order, status: 200, durationMs: 2.6 }, `POST ${order} 200 (3 ms)`],
    [
      "a 422 with its message",
      { method: "POST", path: order, status: 422, durationMs: 4, message: "The 'packageID' parameter is required." },
      `POST ${order} 422 The 'packageID' parameter is required. (4 ms)`,
    ],
    [
      "a fidelity warning, on a line of its own",
      { method: "POST", path: order, status: 200, durationMs: 1, fidelityWarning: "Prism accepted …" },
      `POST ${order} 200 (1 ms)\n  ⚠ fidelity: Prism accepted …`,
    ],
    [
      "control characters escaped, so one request stays one line",
      { method: "POST", path: order, status: 422, durationMs: 1, message: "The 'a\nb' parameter is not recognised." },
      `POST ${order} 422 The 'a\\u000ab' parameter is not recognised. (1 ms)`,
    ],
    [
      "a very long path cut short",
      { method: "GET", path: `/${"x".repeat(500)}`, status: 404, durationMs: 0 },
      `GET /${"x".repeat(199)}… 404 (0 ms)`,
    ],
  ])("%s", (_name, request, line) => {
    expect(formatMockRequest(request)).toBe(line);
  });
});
