/**
 * `@tf-orders/client/raw`: the spec's generic typed client, openapi-fetch, with the client's rules. A separate entry
 * so that `import { createTollFreeClient } from "@tf-orders/client"` does not carry openapi-fetch (2.6 kB gzip of a
 * browser bundle): the client's own calls use a lean transport instead, see the package README.
 * @packageDocumentation
 */
import createClient, { type Client } from "openapi-fetch";
import { oversizedAnswer } from "./client/map-response.js";
import type { TollFreeClientOptions } from "./client/options.js";
import { beforeSending, openSession, send } from "./client/transport.js";
import type { paths } from "./generated/openapi.js";
import { authenticate as login, purchaseTollFreeNumbers as purchase } from "./generated/rules.js";

export type { TollFreeClientOptions } from "./client/options.js";
export type { paths } from "./spec.js";

/**
 * An [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client typed with the spec's `paths`, for
 * `{ data, error, response }` use, with the options and rules of `createTollFreeClient`: the token on every call but
 * the login (from `token`, `getToken` or a login with `credentials`, cached), no redirect followed (a 3xx is the
 * answer), `timeoutMs`, `maxResponseBytes`, and failures as the client's masked `ConnectionError`, `TimeoutError` or
 * `UnexpectedResponseError`. It neither validates orders nor maps error statuses to classes, and it never resends.
 *
 * @example
 * ```ts
 * import { createRawClient } from "@tf-orders/client/raw";
 *
 * const raw = createRawClient({ baseUrl: "http://127.0.0.1:4010", token: "any-token" });
 * const { data, error, response } = await raw.POST("/_rest/v3/my/tf/orders", {
 *   body: { quantity: 1, packageID: 1234567, serviceArea: 4 },
 * });
 * ```
 */
export function createRawClient(options: TollFreeClientOptions): Client<paths> {
  const session = openSession(options);
  return createClient<paths>({
    baseUrl: session.baseUrl,
    headers: session.headers,
    fetch: async (request) => {
      const path = new URL(request.url).pathname;
      const headers = new Headers(request.headers);
      if (path !== login.path && !headers.has("Authorization")) {
        headers.set("Authorization", await beforeSending(session.tokens.current(), request.signal, session.timeoutMs));
      }
      const body = request.body ? await request.text() : undefined;
      const spendsMoney = path === purchase.path && request.method === "POST";
      const { response, text } = await send({
        url: request.url,
        init: { method: request.method, headers, body },
        fetch: options.fetch,
        timeoutMs: session.timeoutMs,
        signal: request.signal,
        spendsMoney,
        secrets: session.secrets,
        maxResponseBytes: session.maxResponseBytes,
      });
      if (text === undefined) throw oversizedAnswer(response.status, session.maxResponseBytes, spendsMoney);
      // A browser's answer to a redirect it did not follow is opaque (status 0): passed on as it is.
      if (response.status === 0) return response;
      const empty = [101, 204, 205, 304].includes(response.status);
      return new Response(empty ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  });
}
