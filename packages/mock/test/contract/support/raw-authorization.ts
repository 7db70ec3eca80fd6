import { loadBundledSpec, locateOperation } from "@tf-orders/spec/reader";
import type { ContractTarget } from "./contract-target.ts";

let cached: Promise<string> | undefined;

/**
 * The `Authorization` header for raw requests: the target's token, or one obtained by logging in with its
 * credentials (once per test file). The token is never printed.
 */
export async function rawAuthorization(target: ContractTarget): Promise<Record<string, string>> {
  if ("token" in target.auth) return { authorization: target.auth.token };
  cached ??= login(target.url, target.auth.credentials);
  return { authorization: await cached };
}

async function login(baseUrl: string, credentials: unknown): Promise<string> {
  const { path, method } = locateOperation(loadBundledSpec(), "authenticate");
  const response = await fetch(new URL(path, baseUrl), {
    method: method.toUpperCase(),
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(credentials),
  });
  const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
  if (response.status !== 200 || typeof body?.token !== "string") {
    throw new Error(`login for raw requests failed with HTTP ${response.status}`);
  }
  return body.token;
}
