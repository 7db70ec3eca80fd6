import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * A `401`: the token is missing or unknown (`reason: "unauthorized"`, also a failed login), or older than
 * 24 hours (`"session-expired"`). The API did not process the request.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError && error.reason === "session-expired") await client.authenticate();
 * ```
 */
export class AuthenticationError extends TollFreeApiError {
  override name = "AuthenticationError";
  declare readonly reason: "unauthorized" | "session-expired";
}
