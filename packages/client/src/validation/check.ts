import * as say from "./messages.js";
import type { Issue, Rule } from "./rule.js";
import { suggest } from "./suggest.js";

type Json = Record<string, unknown>;

/**
 * Every problem of a whole value (a body) against a generated rule; none means valid.
 *
 * @example
 * issuesOf(purchaseTollFreeNumbersRequest, { quantity: 1 }); // [{ parameter: "packageID", … }, …]
 */
export function issuesOf(rule: Rule, value: unknown): Issue[] {
  const issues: Issue[] = [];
  check(rule, value, "", "", "", issues);
  return issues;
}

/**
 * Checks `value` against a generated rule and appends every problem to `issues`; none means valid. The
 * verdict equals JSON Schema's (draft-07, as the mock applies it) for the keywords {@link Rule} has.
 *
 * The value sits at key `key` (a name or an item index) of the container at path `parent`; the path is
 * only spelt out (`numbers[0].number`) when needed, so a valid value costs no string building. `name` is
 * the key the API's messages quote; `each` is the title of the array item checked, for "required for each
 * Number object".
 */
export function check(
  rule: Rule,
  value: unknown,
  parent: string,
  key: string | number,
  name: string,
  issues: Issue[],
  each?: string,
): void {
  const { type, oneOf, min, pattern, selectors } = rule;
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  if (oneOf) {
    // The branches have distinct types (the generator checks), so at most one can match.
    const branch = oneOf.find((candidate) => fits(candidate.type!, value, kind));
    if (branch) check(branch, value, parent, key, name, issues);
    else add(issues, parent, key, say.type(name, oneOf.map((item) => item.type).join(" or ")));
    return;
  }
  if (type && !fits(type, value, kind)) {
    const scalarExpected = type !== "array" && type !== "object" && (kind === "array" || kind === "object");
    add(issues, parent, key, scalarExpected ? say.scalar(name) : say.type(name, type));
    return;
  }
  if (rule.enum && !rule.enum.includes(value)) add(issues, parent, key, say.oneOfValues(name, rule.enum));
  if (kind === "number") {
    if ((value as number) < min!) add(issues, parent, key, say.minimum(name, min!));
  } else if (kind === "string") {
    if (min && codePoints(value as string, min) < min) add(issues, parent, key, say.minLength(name, min));
    if (pattern && !pattern.test(value as string))
      add(issues, parent, key, rule.format ? say.format(name, rule.format) : say.pattern(name, pattern));
  } else if (kind === "array") {
    const list = value as unknown[];
    if (list.length < min!) add(issues, parent, key, say.minItems(name, min!));
    const path = locate(parent, key);
    if (rule.items)
      for (let i = 0; i < list.length; i++) check(rule.items, list[i], path, i, name, issues, rule.itemTitle);
  } else if (kind === "object") {
    const object = value as Json;
    const { required, properties = {} } = rule;
    const path = locate(parent, key);
    // A oneOf of closed branches that differ in one key each: exactly one of those keys picks the branch.
    // Without one, the union still reports every other problem.
    let chosen: string | undefined;
    if (selectors) {
      let present = 0;
      for (const selector of selectors) {
        if (object[selector] === undefined) continue;
        present++;
        chosen = selector;
      }
      if (present !== 1) {
        chosen = undefined;
        const named = present ? selectors.filter((selector) => object[selector] !== undefined) : [...selectors];
        add(issues, parent, key, present ? say.exclusive(named) : say.oneRequired(named), named);
      }
    }
    if (required)
      for (const field of required)
        if (object[field] === undefined) add(issues, path, field, say.required(field, each));
    for (const field in object) {
      const item = object[field];
      // `undefined` never reaches the wire (JSON.stringify drops it), so it counts as absent.
      if (item === undefined) continue;
      if (Object.hasOwn(properties, field)) check(properties[field]!, item, path, field, field, issues);
      else if (rule.closed) {
        // The chosen branch does not allow the other branches' keys: suggest none of them.
        const known = Object.keys(properties).filter(
          (candidate) => !chosen || candidate === chosen || !selectors!.includes(candidate),
        );
        add(issues, path, field, say.unknown(field, suggest(field, known)));
      }
    }
  }
}

function locate(parent: string, key: string | number): string {
  return typeof key === "number" ? `${parent}[${key}]` : parent && key ? `${parent}.${key}` : parent || key;
}

function add(issues: Issue[], parent: string, key: string | number, message: string, parameters?: string[]): void {
  const issue: Issue = { parameter: locate(parent, key) || "body", message };
  if (parameters) issue.parameters = parameters;
  issues.push(issue);
}

/** Whether a value of `kind` (typeof, or "array" or "null") has the JSON Schema type `type`. */
function fits(type: string, value: unknown, kind: string): boolean {
  return type === kind || (type === "integer" && Number.isInteger(value));
}

/** JSON Schema counts code points, not UTF-16 units; count them only when the quick answer is unsure. */
function codePoints(text: string, atLeast: number): number {
  return text.length >= 2 * atLeast ? text.length : [...text].length;
}
