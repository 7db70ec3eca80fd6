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
import type { Auth } from "../auth/resolve-auth.js";
import { ExitCode } from "../exit-codes.js";
import type { Target } from "../target/resolve-target.js";
import { authenticationHint } from "./authentication-hint.js";
import { CliError } from "./cli-error.js";
import type { ErrorReport } from "./error-report.js";

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
      message: `authentication failed (${error.status}): ${error.message}`,
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
  return typeof error === "object" && error !== null && "outcomeUnknown" in error && error.outcomeUnknown === true;
}

function statusOf(error: unknown): { status?: number } {
  if (error instanceof TollFreeApiError && typeof error.status === "number" && error.status > 0)
    return { status: error.status };
  return {};
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
