import { defaultBaseUrl, mockBaseUrl } from "./generated/rules.js";

/**
 * The base URLs the spec lists: `production` (real, billed orders; the client's default) and `mock`, where
 * `npm start` and `npm run mock` serve the Prism mock. Apps that must tell the two apart (the CLI asks for
 * confirmation off the mock) compare against these rather than typing the URLs again.
 *
 * @example
 * ```ts
 * import { createTollFreeClient, servers } from "@tf-orders/client";
 *
 * const client = createTollFreeClient({ baseUrl: servers.mock, token: "any-token" }); // nothing is bought
 * ```
 */
export const servers = { production: defaultBaseUrl, mock: mockBaseUrl } as const;
