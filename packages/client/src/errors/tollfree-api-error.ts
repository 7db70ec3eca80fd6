/** A stable, branchable name for each kind of failure. */
export type ErrorCode =
  | "api-error"
  | "unauthorized"
  | "session-expired"
  | "payment-required"
  | "not-acceptable"
  | "unprocessable-entity"
  | "validation"
  | "connection"
  | "timeout"
  | "unexpected-response";

/** What an error carries besides its message. Bodies and headers arrive here already redacted. */
export interface ErrorDetails {
  status?: number | undefined;
  body?: unknown;
  headers?: Headers | undefined;
  cause?: unknown;
}

/**
 * The base of every error the client throws: branch on the class, `status` or `code`, never on the message.
 * Secrets (tokens, passwords) are removed from `message`, `body` and `headers` before the error exists.
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
  readonly status: number | undefined;
  readonly code: ErrorCode;
  /** The response body: parsed JSON, or a short excerpt when it was not JSON. */
  readonly body: unknown;
  readonly headers: Headers | undefined;

  constructor(message: string, code: ErrorCode = "api-error", details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = code;
    this.body = details.body;
    this.headers = details.headers;
  }

  /** A plain, secret-free view for `JSON.stringify` and logs. */
  toJSON(): Record<string, unknown> {
    const { headers, ...fields } = this;
    return { ...fields, message: this.message, headers: headers && Object.fromEntries(headers) };
  }
}
