import { describe, expect, test } from "vitest";
import { purchaseTollFreeNumbers, purchaseTollFreeNumbersRequest } from "../src/generated/rules.js";
import type { Rule } from "../src/validation/rule.js";

function collect(rule: Rule, seen = new Set<Rule>()): Set<Rule> {
  if (seen.has(rule)) return seen;
  seen.add(rule);
  for (const child of [rule.items, ...(rule.oneOf ?? []), ...Object.values(rule.properties ?? {})]) {
    if (child) collect(child, seen);
  }
  return seen;
}

describe("the generated rules", () => {
  // The checker reads the same fields of every rule; one shape keeps those reads fast (see rule.ts).
  test("all share one shape: the same keys in the same order", () => {
    const rules = [
      ...collect(purchaseTollFreeNumbersRequest),
      ...Object.values(purchaseTollFreeNumbers.responses).flatMap((rule) => [...collect(rule)]),
    ];
    expect(rules.length).toBeGreaterThan(15);
    const shapes = new Set(rules.map((rule) => Object.keys(rule).join(",")));
    expect([...shapes]).toHaveLength(1);
  });
});
