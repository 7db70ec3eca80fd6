import * as say from "./messages.js";
import type { Issue, Rule } from "./rule.js";
import { suggest } from "./suggest.js";

type Json = Record<string, unknown>;

/**
 * Checks `value` against a generated rule and appends every problem to `issues`; none means valid. The
 * verdict equals JSON Schema's (draft-07, as the mock applies it) for the keywords {@link Rule} has.
 *
 * The value sits at key `key` (a name or an item index) of the container at path `parent`; the path is
 * only spelt out (`numbers[0].number`) when needed, so a valid value costs no string building. `name` is
 * the key the API's messages quote; `each` is the title of the array item checked, for "required for each
 * Number object".
 */
export function check(rule: Rule, value: unknown, parent: string, key: string | number, name: string, issues: Issue[], each?: string): void {
  const { oneOf, selectors, type } = rule;
  if (oneOf) {
    if (selectors) {
      // Closed branches, each with a key of its own: that key picks the one branch that can match.
      let selected = -1;
      for (let i = 0; isObject(value) && i < selectors.length; i++) if (value[selectors[i]!] !== undefined) selected = selected === -1 ? i : -2;
      if (selected >= 0) return check(oneOf[selected]!, value, parent, key, name, issues);
      if (isObject(value)) {
        const present = selectors.filter((selector) => value[selector] !== undefined);
        add(issues, parent, key, present.length ? say.exclusive(present) : say.oneRequired(selectors));
      }
      return check(rule.any!, value, parent, key, name, issues);
    }
    // Otherwise the branches have distinct types (the generator checks), so at most one can match.
    const branch = oneOf.find((candidate) => hasType(candidate.type!, value));
    return branch
      ? check(branch, value, parent, key, name, issues)
      : add(issues, parent, key, say.type(name, oneOf.map((item) => item.type).join(" or ")));
  }
  if (type && !hasType(type, value)) {
    return add(issues, parent, key, type !== "array" && type !== "object" && typeof value === "object" && value ? say.scalar(name) : say.type(name, type));
  }
  if (rule.enum && !rule.enum.includes(value)) add(issues, parent, key, say.oneOfValues(name, rule.enum));
  if (typeof value === "number") {
    if (value < rule.minimum!) add(issues, parent, key, say.minimum(name, rule.minimum!));
  } else if (typeof value === "string") {
    if (rule.minLength && codePoints(value, rule.minLength) < rule.minLength) add(issues, parent, key, say.minLength(name, rule.minLength));
    if (rule.pattern && !rule.pattern.test(value)) add(issues, parent, key, say.pattern(name, rule.pattern));
    if (rule.format && !rule.format.pattern.test(value)) add(issues, parent, key, say.format(name, rule.format.name));
  } else if (Array.isArray(value)) {
    if (value.length < rule.minItems!) add(issues, parent, key, say.minItems(name, rule.minItems!));
    const path = locate(parent, key);
    if (rule.items) for (let i = 0; i < value.length; i++) check(rule.items, value[i], path, i, name, issues, rule.itemTitle);
  } else if (isObject(value)) {
    const { required, properties } = rule;
    const path = locate(parent, key);
    if (required) for (const field of required) if (value[field] === undefined) add(issues, path, field, say.required(field, each));
    for (const field in value) {
      const item = value[field];
      // `undefined` never reaches the wire (JSON.stringify drops it), so it counts as absent.
      if (item === undefined) continue;
      if (properties && Object.hasOwn(properties, field)) check(properties[field]!, item, path, field, field, issues);
      else if (rule.closed) add(issues, path, field, say.unknown(field, suggest(field, Object.keys(properties ?? {}))));
    }
  }
}

function locate(parent: string, key: string | number): string {
  return typeof key === "number" ? `${parent}[${key}]` : parent && key ? `${parent}.${key}` : parent || key;
}

function add(issues: Issue[], parent: string, key: string | number, message: string): void {
  issues.push({ parameter: locate(parent, key) || "body", message });
}

function hasType(type: string, value: unknown): boolean {
  return type === "integer" ? Number.isInteger(value) : type === "array" ? Array.isArray(value) : type === "object" ? isObject(value) : typeof value === type;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON Schema counts code points, not UTF-16 units; count them only when the quick answer is unsure. */
function codePoints(text: string, atLeast: number): number {
  return text.length >= 2 * atLeast ? text.length : [...text].length;
}
