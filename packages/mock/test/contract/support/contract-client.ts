import { createTollFreeClient, type TollFreeClient, type TollFreeClientOptions } from "@tf-orders/client";
import type { ContractTarget } from "./contract-target.ts";

/** Extra client options for one case (headers such as `Prefer`, a fetch that drops the token, …). */
export type ClientTweaks = Pick<TollFreeClientOptions, "headers" | "fetch">;

/** A client aimed at the target (mock or validating proxy), authorised as the target says. */
export function contractClient(target: ContractTarget, tweaks: ClientTweaks = {}): TollFreeClient {
  const auth: TollFreeClientOptions =
    "token" in target.auth ? { token: target.auth.token } : { credentials: target.auth.credentials };
  return createTollFreeClient({ ...auth, ...tweaks, baseUrl: target.url, timeoutMs: 20_000 });
}

/** A fetch that sends each request without its `Authorization` header, as an app that lost its token would. */
export const fetchWithoutToken = (request: Request): Promise<Response> => {
  const stripped = new Request(request);
  stripped.headers.delete("authorization");
  return fetch(stripped);
};
