import { TollFreeApiError } from "@tf-orders/client";
import { violations } from "./raw-order.ts";

/**
 * Turns an error from a call that should have succeeded into one that says why, with Prism's verdict: in
 * provider mode a response that breaks the spec comes back as Prism's 500 listing each violation.
 */
export function explainFailure(error: unknown): Error {
  if (!(error instanceof TollFreeApiError)) return error instanceof Error ? error : new Error(String(error));
  const found = error.headers ? violations(error.headers) : [];
  const lines = [
    `${error.name} (HTTP ${String(error.status)}): ${error.message}`,
    ...found.map((violation) => `  spec violation at ${violation.location.join(".")}: ${violation.message}`),
  ];
  if (found.length === 0 && error.body !== undefined) lines.push(`  body: ${JSON.stringify(error.body)}`);
  return new Error(lines.join("\n"), { cause: error });
}
