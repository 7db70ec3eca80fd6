import type * as generated from "./generated/openapi.js";
import { defaultBaseUrl, mockBaseUrl } from "./generated/rules.js";

/**
 * Every path of the spec with its operations, as openapi-typescript generates them; what `createRawClient`
 * (`@tf-orders/client/raw`) is typed with.
 *
 * @example
 * ```ts
 * type PurchaseBody = paths["/_rest/v3/my/tf/orders"]["post"]["requestBody"]["content"]["application/json"];
 * ```
 */
export type paths = generated.paths;

/**
 * The spec's components (schemas, responses, examples) as types.
 *
 * @example
 * ```ts
 * type Item = components["schemas"]["TollFreeNumber"]; // { countryCode: "1"; number: string }
 * ```
 */
export type components = generated.components;

/**
 * The spec's operations by operationId.
 *
 * @example
 * ```ts
 * type Unauthorized = operations["purchaseTollFreeNumbers"]["responses"][401]["content"]["application/json"];
 * ```
 */
export type operations = generated.operations;

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
