import { TollFreeApiError, type ErrorDetails } from "./tollfree-api-error.js";

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
  readonly reason: "unauthorized" | "session-expired";

  constructor(message: string, details: ErrorDetails = {}) {
    const reason = /session expired/i.test(message) ? "session-expired" : "unauthorized";
    super(message, reason, { status: 401, ...details });
    this.reason = reason;
  }
}
