import { AuthenticationError } from "../errors/authentication-error.js";
import { NotAcceptableError } from "../errors/not-acceptable-error.js";
import { PaymentRequiredError } from "../errors/payment-required-error.js";
import { TollFreeApiError, type ErrorDetails } from "../errors/tollfree-api-error.js";
import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { UnprocessableEntityError } from "../errors/unprocessable-entity-error.js";
import { check } from "../validation/check.js";
import type { Issue, Rule } from "../validation/rule.js";
import { redact, redactHeaders } from "./redact.js";

const errorClasses: Record<number, new (message: string, details: ErrorDetails) => TollFreeApiError> = {
  401: AuthenticationError,
  402: PaymentRequiredError,
  406: NotAcceptableError,
  422: UnprocessableEntityError,
};

/** A response body as read: raw text, or JSON openapi-fetch already parsed. */
export type Payload = { text: string } | { json: unknown };

/** How to read one operation's responses. */
export interface ResponseContext {
  /** The spec's response body rules by status, from src/generated/rules.ts. */
  responses: { readonly [status: string]: Rule | null };
  /** True for a purchase: an unreadable 2xx/3xx/5xx then means its outcome is unknown. */
  spendsMoney: boolean;
  secrets: readonly string[];
}

/**
 * Turns a response into the body the spec promises for it, or throws: the status's error class when the
 * spec lists the status and the body matches its schema, else {@link UnexpectedResponseError}.
 */
export function mapResponse(response: Response, payload: Payload, context: ResponseContext): unknown {
  const { status } = response;
  const headers = redactHeaders(response.headers, context.secrets);
  const outcomeUnknown = context.spendsMoney && (status < 400 || status >= 500);
  const unexpected = (why: string, body: unknown) =>
    new UnexpectedResponseError(`Unexpected response (HTTP ${status}): ${why}.`, outcomeUnknown, { status, body, headers });

  let body: unknown;
  if ("json" in payload) {
    body = payload.json;
  } else {
    try {
      body = JSON.parse(payload.text);
    } catch {
      const { text } = payload;
      throw unexpected(text ? "the body is not JSON" : "the body is empty", redact(text.slice(0, 200), context.secrets));
    }
  }
  body = redact(body, context.secrets);
  const rule = Object.hasOwn(context.responses, status) ? context.responses[status] : undefined;
  if (rule === undefined) throw unexpected("the spec lists no such status", body);
  if (rule !== null) {
    const issues: Issue[] = [];
    check(rule, body, "", "", issues);
    if (issues.length > 0) throw unexpected(`the body breaks the spec: ${issues.map((issue) => issue.message).join(" ")}`, body);
  }
  if (status >= 200 && status < 300) return body;
  const message = String((body as { error?: unknown }).error);
  const ErrorClass = errorClasses[status];
  throw ErrorClass ? new ErrorClass(message, { body, headers }) : new TollFreeApiError(message, "api-error", { status, body, headers });
}
