import { outcomeUnknownAdvice } from "./outcome.js";

/**
 * A stable, branchable name for each kind of failure.
 *
 * @example
 * ```ts
 * if (error instanceof TollFreeApiError && error.code === "session-expired") await client.authenticate();
 * ```
 */
export type ErrorCode =
  | "api-error"
  | "unauthorized"
  | "session-expired"
  | "no-token"
  | "payment-required"
  | "not-acceptable"
  | "unprocessable-entity"
  | "validation"
  | "connection"
  | "timeout"
  | "unexpected-response";

/**
 * What an error carries besides its message and code: its status, body and headers (already redacted),
 * its cause, and the fields of its class (such as `reason` or `outcomeUnknown`). `outcomeUnknown: true`
 * also appends the advice to check the orders before re-submitting to the message.
 *
 * @example
 * ```ts
 * new NotAcceptableError("Not Acceptable", "not-acceptable", { status: 406, body: { code: 406, error: "Not Acceptable" } });
 * ```
 */
export interface ErrorDetails {
  status?: number | undefined;
  body?: unknown;
  headers?: Headers | undefined;
  cause?: unknown;
  [field: string]: unknown;
}

/**
 * The base of every error the client throws: branch on the class, `status` or `code`, never on the message.
 * Secrets (tokens, passwords) are masked in `message`, `body` and `headers` before the error exists.
 *
 * @example
 * ```ts
 * try {
 *   await client.purchaseTollFreeNumbers(order);
 * } catch (error) {
 *   if (error instanceof TollFreeApiError) console.error(error.status, error.code, error.message);
 * }
 * ```
 */
export class TollFreeApiError extends Error {
  override name = "TollFreeApiError";
  /** The HTTP status, or undefined when no response arrived. */
  declare readonly status: number | undefined;
  declare readonly code: ErrorCode;
  /** The response body: parsed JSON, or a short excerpt when it was not JSON. */
  declare readonly body: unknown;
  declare readonly headers: Headers | undefined;

  constructor(message: string, code: ErrorCode = "api-error", { cause, ...details }: ErrorDetails = {}) {
    // Said wherever it applies, so no purchase that may have gone through reads as safe to resend.
    super(
      details.outcomeUnknown ? `${message} ${outcomeUnknownAdvice}` : message,
      cause === undefined ? undefined : { cause },
    );
    Object.assign(this, { status: undefined, body: undefined, headers: undefined, ...details, code });
  }

  /** A plain view for `JSON.stringify` and logs (secrets were masked when the error was made). */
  toJSON(): Record<string, unknown> {
    const headers = this.headers;
    return { ...(this as object), message: this.message, headers: headers && Object.fromEntries(headers) };
  }
}
