import * as say from "./messages.js";
import type { Issue, Rule } from "./rule.js";
import { suggest } from "./suggest.js";

type Json = Record<string, unknown>;

/**
 * Checks `value` against a generated rule and appends every problem to `issues`; none means valid. The
 * verdict equals JSON Schema's (draft-07, as the mock applies it) for the keywords {@link Rule} has.
 *
 * `path` locates the value (`numbers[0].number`); `name` is the key the API's messages quote (`number`);
 * `each` is the title of the array item being checked, for "required for each Number object".
 */
export function check(rule: Rule, value: unknown, path: string, name: string, issues: Issue[], each?: string): void {
  const add = (message: string): void => void issues.push({ parameter: path || "body", message });
  const { oneOf, selectors, type } = rule;
  if (oneOf) {
    if (selectors) {
      // Closed branches, each with a key of its own: that key picks the one branch that can match.
      const present = isObject(value) ? selectors.filter((key) => value[key] !== undefined) : [];
      if (present.length === 1) return check(oneOf[selectors.indexOf(present[0]!)]!, value, path, name, issues);
      if (isObject(value)) add(present.length ? say.exclusive(present) : say.oneRequired(selectors));
      return check(rule.any!, value, path, name, issues);
    }
    // Otherwise the branches have distinct types (the generator checks), so at most one can match.
    const branch = oneOf.find((candidate) => hasType(candidate.type!, value));
    return branch ? check(branch, value, path, name, issues) : add(say.type(name, oneOf.map((item) => item.type).join(" or ")));
  }
  if (rule.allOf) for (const sub of rule.allOf) check(sub, value, path, name, issues);
  if (type && !hasType(type, value)) {
    return add(type !== "array" && type !== "object" && typeof value === "object" && value ? say.scalar(name) : say.type(name, type));
  }
  if (rule.enum && !rule.enum.includes(value)) add(say.oneOfValues(name, rule.enum));
  if (typeof value === "number") {
    if (value < rule.minimum!) add(say.minimum(name, rule.minimum!));
  } else if (typeof value === "string") {
    if (rule.minLength && codePoints(value, rule.minLength) < rule.minLength) add(say.minLength(name, rule.minLength));
    if (rule.pattern && !rule.pattern.test(value)) add(say.pattern(name, rule.pattern));
    if (rule.format && !rule.format.pattern.test(value)) add(say.format(name, rule.format.name));
  } else if (Array.isArray(value)) {
    if (value.length < rule.minItems!) add(say.minItems(name, rule.minItems!));
    for (let i = 0; rule.items && i < value.length; i++) check(rule.items, value[i], `${path}[${i}]`, name, issues, rule.itemTitle);
  } else if (isObject(value)) {
    for (const key of rule.required ?? []) {
      if (value[key] === undefined) issues.push({ parameter: join(path, key), message: say.required(key, each) });
    }
    const properties = rule.properties ?? {};
    for (const key in value) {
      // `undefined` never reaches the wire (JSON.stringify drops it), so it counts as absent.
      if (value[key] === undefined) continue;
      if (Object.hasOwn(properties, key)) check(properties[key]!, value[key], join(path, key), key, issues);
      else if (rule.closed) issues.push({ parameter: join(path, key), message: say.unknown(key, suggest(key, Object.keys(properties))) });
    }
  }
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

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
