import { outcome } from "../errors/outcome.js";
import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { check } from "../validation/check.js";
import type { Issue, Rule } from "../validation/rule.js";
import { apiError } from "./api-error.js";
import { redact } from "./redact.js";

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
export function mapResponse(response: Response, text: string, { responses, spendsMoney, secrets }: ResponseContext): unknown {
  const { status } = response;
  // Copied (and redacted) only for an error: a success needs no headers.
  const headers = () => {
    const copy = new Headers();
    response.headers.forEach((value, key) => copy.append(key, redact(value, secrets)));
    return copy;
  };
  const fail = (why: string, body: unknown) => {
    const [message, fields] = outcome(`Unexpected response (HTTP ${status}): ${redact(why, secrets)}.`, spendsMoney && (status < 400 || status >= 500));
    return new UnexpectedResponseError(message, "unexpected-response", { status, body: redact(body, secrets), headers: headers(), ...fields });
  };

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail(text ? "the body is not JSON" : "the body is empty", redact(text, secrets).slice(0, 200));
  }
  const rule = Object.hasOwn(responses, status) ? responses[status] : undefined;
  if (rule === undefined) throw fail("the spec lists no such status", body);
  const issues: Issue[] = [];
  if (rule) check(rule, body, "", "", "", issues);
  if (issues.length) throw fail(`the body breaks the spec: ${issues.map((issue) => issue.message).join(" ")}`, body);
  if (status < 300) return body;
  body = redact(body, secrets);
  throw apiError(status, (body as { error: string }).error, { body, headers: headers() });
}
