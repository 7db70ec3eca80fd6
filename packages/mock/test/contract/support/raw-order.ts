import { purchase } from "./purchase-examples.ts";

/** A response read raw, bypassing the client. */
export interface RawResponse {
  status: number;
  headers: Headers;
  contentType: string;
  body: unknown;
}

/** One entry of Prism's `sl-violations` header. */
export interface Violation {
  location: (string | number)[];
  code: string | number;
  message: string;
}

/**
 * POSTs a body to the purchase operation with plain fetch, past the client's validation. `body` is sent as
 * JSON; headers are sent exactly as given (no `Authorization` unless listed).
 */
export async function postOrderRaw(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<RawResponse> {
  const response = await fetch(new URL(purchase.path, baseUrl), {
    method: purchase.method.toUpperCase(),
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const contentType = response.headers.get("content-type") ?? "";
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    contentType,
    body: /json/.test(contentType) && text !== "" ? (JSON.parse(text) as unknown) : text,
  };
}

/** Prism's `sl-violations` header, parsed; empty when absent. */
export function violations(headers: Headers): Violation[] {
  const header = headers.get("sl-violations");
  return header === null ? [] : (JSON.parse(header) as Violation[]);
}
