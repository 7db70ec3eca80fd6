import type { IncomingHttpHeaders } from "node:http";
import type { EngineAnswer } from "./engine-exchange.js";

/**
 * An answer the front gives itself, without Prism: a body over the limit (413), more bodies at once than the
 * front holds (503), an engine that failed (502). It has the vendor's error shape `{"code":…,"error":"…"}` and
 * the CORS headers Prism's server (`prism-http-server`, with `--cors` on, its default) would have set for
 * the same request, so a browser can read it like any other answer of the mock.
 */
export function frontRefusal(status: 413 | 502 | 503, error: string, request: IncomingHttpHeaders): EngineAnswer {
  const headers: [string, string][] = [
    ["Access-Control-Allow-Origin", request.origin ?? "*"],
    ["Access-Control-Allow-Headers", request["access-control-request-headers"] ?? "*"],
    ["Access-Control-Allow-Credentials", "true"],
    ["Access-Control-Expose-Headers", header(request["access-control-expose-headers"]) ?? "*"],
    ["Content-Type", "application/json"],
  ];
  if (status === 503) headers.push(["Retry-After", "1"]);
  return { status, headers, body: Buffer.from(JSON.stringify({ code: status, error })) };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}
