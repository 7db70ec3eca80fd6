import { type Issue, type OrderValidation, validateOrderRequest } from "@tf-orders/client";
import typeIs from "type-is";
import type { OrderBody } from "./engine-process.js";

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
