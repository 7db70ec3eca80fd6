// What the vendor would answer: the rule table's verdict on an order, and Prism's 422 rewritten to carry it.
import { type Issue, type OrderValidation, validateOrderRequest } from "@tf-orders/client";
import typeIs from "type-is";
import type { OrderBody } from "./engines.js";
import type { EngineAnswer } from "./front.js";

/** What the rule table says about the body of an order. */
export type OrderVerdict =
  | { kind: "valid" }
  /** `issue` is the first problem, the one the vendor's API names in its 422. */
  | { kind: "invalid"; issue: Issue }
  /** No verdict: the body is not the JSON it claims to be (Prism answers that itself), or the rule table failed. */
  | { kind: "unjudged"; reason: string };

/** The rule table: `validateOrderRequest` of `@tf-orders/client`, generated from the spec. */
export type OrderRules = (value: unknown) => OrderValidation;

/**
 * Judges an order's body with the rule table, reading the body exactly as Prism's HTTP server does: JSON when
 * `Content-Type` is `application/json` or `application/*+json` (decoded in its charset, a byte-order mark
 * dropped), the text itself for any other type, and nothing (`null`) when the request has no body. Never
 * throws, whatever the body holds.
 *
 * @example
 * judgeOrder({ body: Buffer.from('{"quantity":1,"packageID":1,"serviceArea":6}'), contentType: "application/json", hasBody: true });
 * // { kind: "invalid", issue: { parameter: "serviceArea", message: "The 'serviceArea' parameter must match…" } }
 */
export function judgeOrder(
  { body, contentType, hasBody }: OrderBody,
  rules: OrderRules = validateOrderRequest,
): OrderVerdict {
  let value: unknown = null;
  if (hasBody) {
    let text: string;
    try {
      text = new TextDecoder(charsetOf(contentType) ?? "utf-8").decode(body);
    } catch (error) {
      return { kind: "unjudged", reason: `the body cannot be decoded: ${(error as Error).message}` };
    }
    if (contentType !== undefined && typeIs.is(contentType, ["application/json", "application/*+json"])) {
      try {
        value = JSON.parse(text);
      } catch {
        return { kind: "unjudged", reason: "the body is not valid JSON" };
      }
    } else {
      value = text;
    }
  }
  try {
    const verdict = rules(value);
    if (verdict.ok) return { kind: "valid" };
    const [issue] = verdict.errors;
    return issue ? { kind: "invalid", issue } : { kind: "unjudged", reason: "the rule table gave no reason" };
  } catch (error) {
    return { kind: "unjudged", reason: `the rule table failed: ${(error as Error).message}` };
  }
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType === undefined ? undefined : /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

/** The answer the mock sends for an order, and, when Prism and the rule table disagreed, why it is Prism's. */
export interface OrderAnswer {
  answer: EngineAnswer;
  /** Set when Prism's verdict and the rule table's differ: Prism's answer was sent unchanged. */
  fidelityWarning?: string;
}

/**
 * Turns Prism's answer to an order into the vendor's. Prism stays the judge: its status, headers (CORS,
 * `sl-violations`) and verdict always stand. Only the body of a 422 that Prism's validation produced changes:
 * Prism serves the spec's first 422 example whatever is wrong, and the vendor names the order's actual first
 * problem, which is the rule table's first issue, in the vendor's shape `{"code":422,"error":"…"}`.
 *
 * Left as Prism answered: a 422 whose example was asked for with `Prefer: example=…`; any answer in which
 * Prism did not judge the body (401, 406, a 422 forced with `Prefer: code=422` on a valid order); and any
 * answer where the two verdicts disagree, which also gets a fidelity warning.
 */
export function answerOrder(verdict: OrderVerdict, prism: EngineAnswer, prefer: string | undefined): OrderAnswer {
  const judged = prismVerdict(prism);
  if (verdict.kind === "unjudged" || judged === "not judged") return { answer: prism };
  if (verdict.kind === "valid" && judged === "rejected") {
    return {
      answer: prism,
      fidelityWarning: `Prism rejected an order the rule table accepts (${violationSummary(prism)}); Prism's answer was sent.`,
    };
  }
  if (verdict.kind === "invalid" && judged === "accepted") {
    return {
      answer: prism,
      fidelityWarning: `Prism accepted an order the rule table rejects (${verdict.issue.parameter}: ${verdict.issue.message}); Prism's answer was sent.`,
    };
  }
  if (verdict.kind === "valid" || namesExample(prefer)) return { answer: prism };
  const body = Buffer.from(JSON.stringify({ code: 422, error: verdict.issue.message }));
  return { answer: { ...prism, body } };
}

/** The `error` of an answer in the vendor's shape `{"code":…,"error":"…"}`, for the request log. */
export function vendorError(answer: EngineAnswer): string | undefined {
  if (answer.status < 400 || answer.body.length > 64 * 1024) return undefined;
  try {
    const parsed = JSON.parse(answer.body.toString("utf8")) as { error?: unknown };
    return typeof parsed?.error === "string" ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Prism's verdict on the body: a 2xx means it found the request valid (with `--errors` an invalid one always
 * gets 422, whatever `Prefer` asks), a 422 listing request violations means invalid, anything else says nothing
 * about the body.
 */
function prismVerdict(answer: EngineAnswer): "accepted" | "rejected" | "not judged" {
  if (answer.status >= 200 && answer.status < 300) return "accepted";
  if (answer.status === 422 && requestViolations(answer).length > 0) return "rejected";
  return "not judged";
}

interface Violation {
  location?: unknown[];
  severity?: string;
  message?: string;
}

/** The request's error violations from Prism's `sl-violations` header. */
function requestViolations(answer: EngineAnswer): Violation[] {
  const header = answer.headers.find(([name]) => name.toLowerCase() === "sl-violations")?.[1];
  if (header === undefined) return [];
  // Past about 8 kB Prism cuts the list and prefixes it, so it is no longer JSON; it still lists violations.
  if (header.startsWith("Too many violations!")) {
    return header.includes('"location":["request"') ? [{ message: "too many violations to list" }] : [];
  }
  try {
    const list = JSON.parse(header) as Violation[];
    return list.filter((violation) => violation.location?.[0] === "request" && violation.severity === "Error");
  } catch {
    return [];
  }
}

/**
 * Prism's reasons, most specific first: a oneOf lists every branch's complaints about the whole body, and the
 * one about a property is the telling one.
 */
function violationSummary(answer: EngineAnswer): string {
  const reasons = requestViolations(answer)
    .map((violation) => ({ depth: violation.location?.length ?? 0, text: describe(violation) }))
    .sort((a, b) => b.depth - a.depth)
    .map((reason) => reason.text);
  return [...new Set(reasons)].slice(0, 3).join("; ");
}

function describe(violation: Violation): string {
  const where = violation.location?.join(".");
  return where ? `${where}: ${violation.message}` : String(violation.message);
}

/** Whether `Prefer` names an example (`Prefer: code=422, example=notScalar`): then that example is what was asked. */
function namesExample(prefer: string | undefined): boolean {
  return prefer !== undefined && /(?:^|[,;])\s*example\s*=/i.test(prefer);
}
