import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { check } from "../validation/check.js";
import type { Issue, Rule } from "../validation/rule.js";
import { apiError } from "./api-error.js";
import { redact } from "./redact.js";

/** One operation's response body rules by status, from src/generated/rules.ts. */
export type Responses = { readonly [status: string]: Rule | null };

/**
 * Turns a response into the body the spec promises for it, or throws: the status's error class when the
 * spec lists the status and the body matches its schema, else {@link UnexpectedResponseError}. For a
 * purchase (`spendsMoney`) an unreadable 2xx/3xx/5xx means its outcome is unknown. Errors carry no secret.
 */
export function mapResponse(response: Response, text: string, responses: Responses, spendsMoney: boolean, secrets: readonly string[]): unknown {
  const { status } = response;
  let body: unknown;
  let why = "";
  try {
    body = JSON.parse(text);
  } catch {
    why = text ? "the body is not JSON" : "the body is empty";
    body = redact(text, secrets).slice(0, 200);
  }
  const rule = responses[status];
  const issues: Issue[] = [];
  if (!why && rule === undefined) why = "the spec lists no such status";
  if (!why && rule) check(rule, body, "", "", "", issues);
  if (issues.length) why = `the body breaks the spec: ${issues.map((issue) => issue.message).join(" ")}`;
  if (!why && status < 300) return body;
  // Only errors are redacted: a body the caller asked for is returned as sent.
  const details = { status, body: redact(body, secrets), headers: new Headers(redact([...response.headers], secrets)) };
  throw why
    ? new UnexpectedResponseError(`Unexpected response (HTTP ${status}): ${redact(why, secrets)}.`, "unexpected-response", {
        ...details,
        outcomeUnknown: spendsMoney && (status < 400 || status >= 500),
      })
    : apiError(status, (details.body as { error: string }).error, details);
}
