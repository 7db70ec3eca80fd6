import type * as generated from "./generated/openapi.js";

/**
 * Every path of the spec with its operations, as openapi-typescript generates them; what `client.raw`
 * is typed with.
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
