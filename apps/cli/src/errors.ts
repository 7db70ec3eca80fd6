// How a failure ends the CLI: the exit codes (the contract scripts branch on), the CLI's own errors, and the mapping
// of every client error to an exit code, a message and a hint.
import {
  AuthenticationError,
  ConnectionError,
  outcomeUnknownAdvice,
  PaymentRequiredError,
  TollFreeApiError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from "@tf-orders/client";
import type { Auth } from "./credentials.js";
import { authenticationHint } from "./credentials.js";
import type { Target } from "./target.js";

/**
 * The exit codes of `tf-orders`, the contract scripts branch on. `--help` and the README list them
 * from {@link EXIT_CODE_HELP}, so the table and the code cannot drift apart.
 */
export const ExitCode = {
  /** The command did what was asked. */
  Ok: 0,
  /** A bug in the CLI: an error it does not know. */
  Internal: 1,
  /** Bad flags, an invalid order, or a purchase that was not confirmed. Nothing was sent. */
  Usage: 2,
  /** Credentials are missing, or the server rejected them (401). */
  Authentication: 3,
  /** The server refused the order for payment reasons (402, trial limit). */
  PaymentRequired: 4,
  /** The server answered with another error (406, 422, an unexpected answer). */
  ApiError: 5,
  /** A purchase may or may not have gone through (timeout or dropped connection after sending). */
  OutcomeUnknown: 6,
  /** The API could not be reached, and no order was sent (connection refused, unknown host, login timed out). */
  Unreachable: 7,
  /** Ctrl-C (SIGINT) before anything was sent: 128 + the signal's number, as shells report it. */
  Interrupted: 130,
  /** SIGTERM before anything was sent. */
  Terminated: 143,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One line per exit code, in the words `--help` prints. */
export const EXIT_CODE_HELP: ReadonlyArray<readonly [ExitCode, string]> = [
  [ExitCode.Ok, "success"],
  [ExitCode.Internal, "internal error (a bug in tf-orders; please report it)"],
  [ExitCode.Usage, "usage or validation error, or purchase not confirmed (nothing sent)"],
  [ExitCode.Authentication, "authentication: credentials missing or rejected (401)"],
  [ExitCode.PaymentRequired, "payment required: trial limit realized or exceeded (402)"],
  [ExitCode.ApiError, "other API error (406, 422, unexpected response); the order was not placed"],
  [ExitCode.OutcomeUnknown, "outcome unknown: check your orders before retrying (reuse the same --reference-id)"],
  [ExitCode.Unreachable, "API unreachable; no order was sent (is the mock running? `npm run mock`)"],
  [ExitCode.Interrupted, "interrupted by Ctrl-C before anything was sent (during a purchase: 6)"],
  [ExitCode.Terminated, "stopped by SIGTERM before anything was sent (during a purchase: 6)"],
];

/** One problem with one field of an order or one flag. */
export interface FieldProblem {
  /** The flag (`--package-id`) or order field (`packageID`) at fault. */
  readonly field: string;
  readonly message: string;
}

/**
 * A failure the CLI itself detects (bad flags, an invalid order, missing credentials, a refused
 * confirmation), carrying the exit code to end with and, when known, the fields at fault.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly problems: readonly FieldProblem[];

  constructor(
    readonly exitCode: ExitCode,
    message: string,
    field?: string,
    problems?: readonly FieldProblem[],
    /** How many problems there were beyond `problems`. */
    readonly moreProblems = 0,
  ) {
    super(message);
    this.problems = problems ?? (field === undefined ? [] : [{ field, message }]);
  }
}

/**
 * Bad command-line syntax: an unknown option, a missing value, a value of the wrong form. Ends the
 * command with exit code 2 before anything is sent.
 *
 * @example
 * throw usageError('--quantity must be a whole number, got "two"', '--quantity');
 */
export function usageError(message: string, field?: string): CliError {
  return new CliError(ExitCode.Usage, message, field);
}

/** What the CLI tells the user about a failure, in a form both the human and the JSON output use. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  /** One line: what went wrong, with the server's message when there is one. */
  readonly message: string;
  /** What to do next, when there is something useful to say. */
  readonly hint?: string;
  /** The HTTP status the server answered with. */
  readonly status?: number;
  /** The request parameter the server (or the validator) named. */
  readonly parameter?: string;
  /** The fields at fault, for validation failures (the first 50). */
  readonly problems?: readonly FieldProblem[];
  /** How many more problems there were than `problems` lists. */
  readonly moreProblems?: number;
  /** True when a purchase may have gone through. */
  readonly outcomeUnknown?: boolean;
  /** For a 402: which trial limit stopped the order (`trial-limit-exceeded` or `trial-limit-realized`). */
  readonly kind?: NonNullable<PaymentRequiredError["kind"]>;
  /** For a 402: the number of seats the server's message names (the limit, or the seats still available). */
  readonly seats?: number;
}

/**
 * The advice printed with exit code 6: where to look before retrying, by the order's referenceID when it
 * has one, since that is what the operator can search the orders for.
 *
 * @example
 * outcomeUnknownHint('PO-42'); // "outcome unknown — look for referenceID 'PO-42' in your orders before retrying; …"
 */
export function outcomeUnknownHint(referenceID: string | undefined): string {
  return referenceID === undefined
    ? "outcome unknown — check your orders before retrying; give orders a --reference-id so that they can be found"
    : `outcome unknown — look for referenceID '${referenceID}' in your orders before retrying; if it is not there, resend with the same --reference-id`;
}

/** Where the failure happened, and with what: the exit code and the hint depend on it. */
export interface ErrorContext {
  /** Where the requests went: an unreachable mock gets the hint to start it. */
  readonly target?: Target | undefined;
  /** Which credentials were sent (a token, or a user and password): a 401's hint is about those. */
  readonly authKind?: Auth["kind"] | undefined;
  /**
   * True for errors thrown by the purchase call (including the login it may do first: the client decides
   * whether the outcome is unknown). False elsewhere, e.g. for `tf-orders login`, where nothing is bought.
   */
  readonly purchaseSent: boolean;
  /** The referenceID of the order that was sent, if it had one: exit 6 tells the operator to look for it. */
  readonly referenceID?: string | undefined;
  /** Aborted by Ctrl-C or SIGTERM (the reason is the signal's name): the failure is the interruption. */
  readonly interrupted?: AbortSignal | undefined;
}

/**
 * Maps any failure to an exit code and a message. The client's error classes carry the decision
 * (including `outcomeUnknown`, so a purchase that may have gone through is never reported as safe to
 * retry); an error the client did not wrap, thrown while a purchase was in flight, counts as unknown
 * outcome too, since nothing proves the order was not placed.
 */
export function classifyError(error: unknown, context: ErrorContext): ErrorReport {
  if (error instanceof CliError) {
    return {
      exitCode: error.exitCode,
      message: error.message,
      problems: error.problems,
      ...(error.moreProblems > 0 && { moreProblems: error.moreProblems }),
    };
  }
  if (context.interrupted?.aborted) {
    const signal = String(context.interrupted.reason);
    if (context.purchaseSent && hasUnknownOutcome(error)) {
      return {
        exitCode: ExitCode.OutcomeUnknown,
        message: `interrupted by ${signal} while the purchase was on its way; it was abandoned, not cancelled`,
        hint: outcomeUnknownHint(context.referenceID),
        outcomeUnknown: true,
      };
    }
    return {
      exitCode: signal === "SIGTERM" ? ExitCode.Terminated : ExitCode.Interrupted,
      message: `interrupted by ${signal}; nothing was sent`,
    };
  }
  // Only a purchase can have an unknown outcome; a dropped login (or anything outside a purchase) bought nothing.
  if (context.purchaseSent && hasUnknownOutcome(error)) {
    return {
      exitCode: ExitCode.OutcomeUnknown,
      // The hint gives the same advice in the CLI's terms (--reference-id), so the client's is not repeated.
      message: messageOf(error).replace(` ${outcomeUnknownAdvice}`, ""),
      hint: outcomeUnknownHint(context.referenceID),
      outcomeUnknown: true,
      ...statusOf(error),
    };
  }
  if (error instanceof ValidationError) {
    const problems = error.errors.map((e) => ({ field: e.parameter, message: e.message }));
    return {
      exitCode: ExitCode.Usage,
      message: error.message,
      problems,
      ...(error.omittedErrors > 0 && { moreProblems: error.omittedErrors }),
    };
  }
  // TimeoutError is a ConnectionError too.
  if (error instanceof ConnectionError) {
    const where = context.target;
    return {
      exitCode: ExitCode.Unreachable,
      message: `cannot reach ${where?.baseUrl ?? "the API"}: ${error.message}`,
      hint:
        where?.isMock === true
          ? "is the mock running? start it with `npm run mock` (or `npm start`) at the repository root"
          : "check --base-url / TF_API_BASE_URL and your network; no order was sent",
    };
  }
  if (error instanceof AuthenticationError) {
    return {
      exitCode: ExitCode.Authentication,
      message: `authentication failed${error.status === undefined ? "" : ` (${error.status})`}: ${error.message}`,
      hint: authenticationHint(error.reason, context.authKind),
      status: error.status,
    };
  }
  if (error instanceof PaymentRequiredError) {
    return {
      exitCode: ExitCode.PaymentRequired,
      message: `payment required (${error.status}): ${error.message}`,
      hint: "the account is on a trial: order fewer numbers or upgrade the account; no order was placed",
      status: error.status,
      // The client read these from the server's message; scripts can branch on them instead of parsing it.
      ...(error.kind === undefined ? {} : { kind: error.kind }),
      ...(error.seats === undefined ? {} : { seats: error.seats }),
    };
  }
  if (error instanceof UnprocessableEntityError) {
    return {
      exitCode: ExitCode.ApiError,
      message: `the server rejected the order (${error.status}): ${error.message}`,
      status: error.status,
      ...(error.parameter === undefined ? {} : { parameter: error.parameter }),
    };
  }
  if (error instanceof TollFreeApiError) {
    // The client's own report of an unexpected answer already names its status.
    const answered =
      error.status === undefined ? "the server gave an unexpected answer" : `the server answered ${error.status}`;
    const message = error instanceof UnexpectedResponseError ? error.message : `${answered}: ${error.message}`;
    return { exitCode: ExitCode.ApiError, message, ...statusOf(error) };
  }
  if (context.purchaseSent) {
    return {
      exitCode: ExitCode.OutcomeUnknown,
      message: messageOf(error),
      hint: outcomeUnknownHint(context.referenceID),
      outcomeUnknown: true,
    };
  }
  return { exitCode: ExitCode.Internal, message: `internal error: ${messageOf(error)}` };
}

function hasUnknownOutcome(error: unknown): boolean {
  return error instanceof TollFreeApiError && error.outcomeUnknown;
}

function statusOf(error: unknown): { status?: number } {
  if (error instanceof TollFreeApiError && typeof error.status === "number" && error.status > 0)
    return { status: error.status };
  return {};
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
