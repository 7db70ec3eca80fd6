import { TollFreeApiError } from "./tollfree-api-error.js";

/**
 * A `401`: the token is missing or unknown (`reason: "unauthorized"`, also a failed login), or older than 24 hours
 * (`"session-expired"`). The API did not process the request. Or no token could be had (`"no-token"`, no `status`):
 * `getToken()` failed or gave something a header cannot carry, or so did the login; nothing was sent.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError && error.reason === "session-expired") await client.authenticate();
 * ```
 */
export class AuthenticationError extends TollFreeApiError {
  override name = "AuthenticationError";
  declare readonly reason: "unauthorized" | "session-expired" | "no-token";
}
