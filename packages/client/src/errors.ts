import type { Issue } from "./validation/rule.js";

/**
 * Appended (after a space) to the message of every error whose purchase may have reached the server
 * (`outcomeUnknown`). Exported so that an app which gives its own advice can drop the client's.
 *
 * @example
 * ```ts
 * const detail = error.outcomeUnknown ? error.message.replace(` ${outcomeUnknownAdvice}`, "") : error.message;
 * ```
 */
export const outcomeUnknownAdvice =
  "The purchase's outcome is unknown: check your orders before re-submitting, and reuse the same referenceID.";

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
  | AuthenticationError["reason"]
  | "payment-required"
  | "not-acceptable"
  | "unprocessable-entity"
  | "validation"
  | "connection"
  | "timeout"
  | "unexpected-response";

/**
 * What an error carries besides its message: its status, body and headers (already redacted) and its cause.
 *
 * @example
 * ```ts
 * const details: ErrorDetails = { status: 406, body: { code: 406, error: "Not Acceptable" } };
 * ```
 */
export interface ErrorDetails {
  status?: number | undefined;
  body?: unknown;
  headers?: Headers | undefined;
  cause?: unknown;
  /** A purchase may have reached the server: appends {@link outcomeUnknownAdvice} to the message. */
  outcomeUnknown?: boolean;
}

/**
 * The base of every error the client throws: branch on the class, `code`, `status` or `outcomeUnknown`, never on the
 * message. Secrets (tokens, passwords) are masked in `message`, `body` and `headers` before the error exists.
 *
 * @example
 * ```ts
 * try {
 *   await client.purchaseTollFreeNumbers(order);
 * } catch (error) {
 *   if (error instanceof TollFreeApiError && error.outcomeUnknown) await reconcile(order.referenceID);
 * }
 * ```
 */
export class TollFreeApiError extends Error {
  override name = "TollFreeApiError";
  readonly code: ErrorCode;
  /** The HTTP status, or undefined when no response arrived. */
  readonly status: number | undefined;
  /** The response body: parsed JSON, or a short excerpt when it was not JSON. */
  readonly body: unknown;
  readonly headers: Headers | undefined;
  /**
   * True when a purchase may have reached the server (a timeout, a dropped connection, an unreadable 2xx, 3xx or 5xx):
   * check your orders before sending it again. Never true for a login, which buys nothing.
   */
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    code: ErrorCode,
    { status, body, headers, cause, outcomeUnknown = false }: ErrorDetails = {},
  ) {
    // Said wherever it applies, so no purchase that may have gone through reads as safe to resend.
    super(outcomeUnknown ? `${message} ${outcomeUnknownAdvice}` : message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** A plain view for `JSON.stringify` and logs (secrets were masked when the error was made). */
  toJSON(): Record<string, unknown> {
    const headers = this.headers;
    return { ...(this as object), message: this.message, headers: headers && Object.fromEntries(headers) };
  }
}

/**
 * A `401`: the token is missing or unknown (`reason: "unauthorized"`, also a failed login), or older than 24 hours
 * (`"session-expired"`). The API did not process the request. Or no token could be had (`"no-token"`, no `status`):
 * `getToken()` failed or gave something a header cannot carry, or so did the login; nothing was sent.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError && error.reason === "unauthorized") askForNewCredentials();
 * ```
 */
export class AuthenticationError extends TollFreeApiError {
  override name = "AuthenticationError";
  readonly reason: "unauthorized" | "session-expired" | "no-token";

  constructor(message: string, reason: AuthenticationError["reason"], details: ErrorDetails = {}) {
    super(message, reason, details);
    this.reason = reason;
  }
}

/**
 * A `402`: a trial account's limit blocks the order; nothing was bought. `kind` says which limit, `seats` is the number
 * the API's message names (the limit, or the seats still available).
 *
 * @example
 * ```ts
 * if (error instanceof PaymentRequiredError && error.kind === "trial-limit-exceeded") {
 *   console.log(`Only ${error.seats} seats left on the trial.`);
 * }
 * ```
 */
export class PaymentRequiredError extends TollFreeApiError {
  override name = "PaymentRequiredError";
  readonly kind: "trial-limit-realized" | "trial-limit-exceeded" | undefined;
  readonly seats: number | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, "payment-required", details);
    const limit = /exceeded|realized/i.exec(message)?.[0].toLowerCase();
    const seats = /(\d+)\s+seats?/i.exec(message)?.[1];
    this.kind = limit === undefined ? undefined : (`trial-limit-${limit}` as PaymentRequiredError["kind"]);
    this.seats = seats === undefined ? undefined : Number(seats);
  }
}

/**
 * A `406`: the request's `Accept` header does not allow `application/json`. The client sends `Accept:
 * application/json` unless `headers` overrides it.
 *
 * @example
 * ```ts
 * if (error instanceof NotAcceptableError) console.error("Check the Accept header you configured.");
 * ```
 */
export class NotAcceptableError extends TollFreeApiError {
  override name = "NotAcceptableError";

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, "not-acceptable", details);
  }
}

/**
 * A `422` from the server: the order breaks a rule; nothing was bought. `parameter` is the parameter the message names,
 * when it names one.
 *
 * @example
 * ```ts
 * if (error instanceof UnprocessableEntityError) console.error(`Fix '${error.parameter}': ${error.message}`);
 * ```
 */
export class UnprocessableEntityError extends TollFreeApiError {
  override name = "UnprocessableEntityError";
  readonly parameter: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, "unprocessable-entity", details);
    this.parameter = /The '([^']+)' parameter/.exec(message)?.[1];
  }
}

/** How many problems the message of a {@link ValidationError} quotes. */
const quotedIssues = 5;

/**
 * The client refused to send a request that breaks the spec: nothing was sent, so nothing was bought. `errors` lists
 * the problems (at most 50; `omittedErrors` counts the rest), worded like the API's own 422 messages; `status` is 422
 * like the server's answer would be.
 *
 * @example
 * ```ts
 * if (error instanceof ValidationError) for (const issue of error.errors) console.error(issue.parameter, issue.message);
 * ```
 */
export class ValidationError extends TollFreeApiError {
  override name = "ValidationError";
  readonly errors: readonly Issue[];
  /** How many problems there were beyond those `errors` lists. */
  readonly omittedErrors: number;

  /** `total` problems, of which `errors` are listed. */
  constructor(errors: readonly Issue[], total = errors.length) {
    const more = total - Math.min(errors.length, quotedIssues);
    const quoted = errors.slice(0, quotedIssues).map((issue) => issue.message);
    const tail = more > 0 ? ` …and ${more} more problem${more === 1 ? "" : "s"}.` : "";
    super(`Nothing was sent: ${quoted.join(" ")}${tail}`, "validation", { status: 422 });
    this.errors = errors;
    this.omittedErrors = total - errors.length;
  }
}

/**
 * No complete response arrived: the connection failed, dropped, or the caller aborted. `outcomeUnknown` is true
 * whenever a purchase may have reached the server; the purchase is then not retried, and the message says to check
 * your orders before re-submitting with the same `referenceID`.
 *
 * @example
 * ```ts
 * if (error instanceof ConnectionError && !error.outcomeUnknown) retryLater(); // nothing left: safe to send again
 * ```
 */
export class ConnectionError extends TollFreeApiError {
  override name = "ConnectionError";

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, "connection", details);
  }
}

/**
 * The request took longer than `timeoutMs` and was abandoned. The server may still have processed a purchase, so
 * `outcomeUnknown` is true and it is not retried (false while the call was still waiting for its token).
 *
 * @example
 * ```ts
 * if (error instanceof TimeoutError) console.error(error.message); // ...check your orders before re-submitting...
 * ```
 */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  override readonly code: ErrorCode = "timeout";
}

/**
 * A response the spec does not describe: an unlisted status, a body that is not JSON (a proxy's HTML 502 page,
 * truncated JSON), JSON that breaks the response schema, or a body larger than `maxResponseBytes`. `body` holds the
 * parsed body or a short excerpt. For a purchase answered with 2xx, 3xx or 5xx, `outcomeUnknown` is true.
 *
 * @example
 * ```ts
 * if (error instanceof UnexpectedResponseError) console.error(error.status, error.body);
 * ```
 */
export class UnexpectedResponseError extends TollFreeApiError {
  override name = "UnexpectedResponseError";

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, "unexpected-response", details);
  }
}

/**
 * The error for a status the spec lists with an error body, by status (`generate(status)` in other SDKs): the 401
 * reason, the 402 limit and seats, the parameter a 422 names are read from the API's message.
 */
export function errorForStatus(status: number, message: string, details: ErrorDetails): TollFreeApiError {
  switch (status) {
    case 401:
      return new AuthenticationError(
        message,
        /session expired/i.test(message) ? "session-expired" : "unauthorized",
        details,
      );
    case 402:
      return new PaymentRequiredError(message, details);
    case 406:
      return new NotAcceptableError(message, details);
    case 422:
      return new UnprocessableEntityError(message, details);
    default:
      return new TollFreeApiError(message, "api-error", details);
  }
}
