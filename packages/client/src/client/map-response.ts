import { errorForStatus, type TollFreeApiError, UnexpectedResponseError } from "../errors.js";
import { issuesOf } from "../validation/check.js";
import type { Rule } from "../validation/rule.js";
import { redact, redactHeaders } from "./redaction.js";
import type { Answer } from "./transport.js";

/** One operation's response body rules by status, from src/generated/rules.ts. */
export type Responses = { readonly [status: string]: Rule | null };

/** What {@link mapResponse} needs to know about the call. */
export interface ResponseContext {
  responses: Responses;
  /** A purchase: an unreadable 2xx/3xx/5xx means its outcome is unknown. Otherwise a login. */
  spendsMoney: boolean;
  /** Masked wherever the answer is quoted in an error. */
  secrets: readonly string[];
  /** The body was not read past this many bytes. */
  maxResponseBytes: number;
}

/**
 * Turns an answer into the body the spec promises for it, or throws: the status's error class when the spec lists the
 * status and the body matches its schema, else {@link UnexpectedResponseError} (also for a body larger than
 * `maxResponseBytes`, which was not read). Errors carry no secret, and building one never fails in another way,
 * however malformed the answer.
 */
export function mapResponse({ response, text }: Answer, context: ResponseContext): unknown {
  const { status } = response;
  const { spendsMoney, secrets } = context;
  let body: unknown;
  let why = "";
  if (text === undefined) {
    throw oversizedAnswer(status, context.maxResponseBytes, spendsMoney);
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      why = text ? "the body is not JSON" : "the body is empty";
      // Masked before it is cut, so that a cut cannot leave part of a secret unmasked.
      body = redact(text, secrets).slice(0, 200);
    }
  }
  const rule = context.responses[status];
  if (!why && rule === undefined) why = "the spec lists no such status";
  const found = !why && rule ? issuesOf(rule, body) : undefined;
  if (found?.total) {
    const more = found.total > 3 ? ` …and ${found.total - 3} more problems` : "";
    why = `the body breaks the spec: ${found.issues
      .slice(0, 3)
      .map((issue) => issue.message)
      .join(" ")}${more}`;
  }
  if (!why && status < 300) return body;
  const outcomeUnknown = spendsMoney && (status < 400 || status >= 500);
  let error: TollFreeApiError;
  try {
    // Only errors are redacted: a body the caller asked for is returned as sent.
    // Any other answer (a login's) may hold a secret the client does not know yet, its new token: an
    // unexpected one is not quoted at all.
    const hide = why !== "" && !spendsMoney;
    const details = {
      status,
      body: hide ? undefined : redact(body, secrets),
      headers: hide ? undefined : redactHeaders(response, secrets),
    };
    error = why
      ? new UnexpectedResponseError(
          `Unexpected response (HTTP ${status}): ${redact(why, secrets).replace(/\.$/, "")}.`,
          { ...details, outcomeUnknown },
        )
      : errorForStatus(status, (details.body as { error: string }).error, details);
  } catch {
    error = new UnexpectedResponseError(`Unexpected response (HTTP ${status}): it cannot be reported safely.`, {
      status,
      outcomeUnknown,
    });
  }
  throw error;
}

/** The error for an answer whose body was larger than `maxResponseBytes`, and was not read. */
export function oversizedAnswer(
  status: number,
  maxResponseBytes: number,
  spendsMoney: boolean,
): UnexpectedResponseError {
  return new UnexpectedResponseError(
    `Unexpected response (HTTP ${status}): the body is larger than ${maxResponseBytes} bytes (maxResponseBytes), so it was not read.`,
    { status, outcomeUnknown: spendsMoney && (status < 400 || status >= 500) },
  );
}
