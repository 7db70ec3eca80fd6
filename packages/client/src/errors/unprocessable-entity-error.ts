import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * A `422` from the server: the order breaks a rule; nothing was bought. `parameter` is the parameter the
 * message names, when it names one.
 *
 * @example
 * ```ts
 * if (error instanceof UnprocessableEntityError) console.error(`Fix '${error.parameter}': ${error.message}`);
 * ```
 */
export class UnprocessableEntityError extends TollFreeApiError {
  override name = "UnprocessableEntityError";
  declare readonly parameter: string | undefined;
}
