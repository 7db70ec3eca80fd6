import { messages } from "./messages.js";
import type { Issue, Rule } from "./rule.js";
import { suggest } from "./suggest.js";

type Json = Record<string, unknown>;

/**
 * Checks `value` against a generated rule and appends every problem to `issues`; an empty list means the
 * value is valid. The verdict equals JSON Schema's (draft-07, as the mock applies it) for the keywords in
 * {@link Rule}; the messages name the parameter the way the API does.
 *
 * `path` locates the value (`numbers[0].number`); `name` is the key the API's messages quote (`number`).
 */
export function check(rule: Rule, value: unknown, path: string, name: string, issues: Issue[], each?: string): void {
  if (rule.oneOf !== undefined) return checkOneOf(rule, value, path, name, issues);
  if (rule.allOf !== undefined) {
    for (const sub of rule.allOf) check(sub, value, path, name, issues, each);
  }
  const type = rule.type;
  if (type !== undefined && !hasType(type, value)) {
    const scalarWanted = type !== "array" && type !== "object";
    const message =
      scalarWanted && value !== null && typeof value === "object" ? messages.scalar(name) : messages.type(name, type);
    issues.push({ parameter: path || "body", message });
    return;
  }
  if (rule.enum !== undefined && !rule.enum.includes(value)) add(issues, path, messages.enum(name, rule.enum));
  if ("const" in rule && value !== rule.const) add(issues, path, messages.constant(name, rule.const));
  if (typeof value === "number") {
    if (rule.minimum !== undefined && value < rule.minimum) add(issues, path, messages.minimum(name, rule.minimum));
  } else if (typeof value === "string") {
    if (rule.minLength !== undefined && codePoints(value, rule.minLength) < rule.minLength) {
      add(issues, path, messages.minLength(name, rule.minLength));
    }
    if (rule.pattern !== undefined && !rule.pattern.test(value)) add(issues, path, messages.pattern(name, rule.pattern));
    if (rule.format !== undefined && !rule.format.pattern.test(value)) add(issues, path, messages.format(name, rule.format.name));
  } else if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems) add(issues, path, messages.minItems(name, rule.minItems));
    if (rule.items !== undefined) {
      for (let i = 0; i < value.length; i++) check(rule.items, value[i], `${path}[${i}]`, name, issues, rule.itemTitle);
    }
  } else if (isObject(value)) {
    checkObject(rule, value, path, issues, each);
  }
}

function checkObject(rule: Rule, value: Json, path: string, issues: Issue[], each?: string): void {
  if (rule.required !== undefined) {
    for (const key of rule.required) {
      if (value[key] === undefined) {
        add(issues, join(path, key), each === undefined ? messages.required(key) : messages.requiredEach(key, each));
      }
    }
  }
  const properties = rule.properties;
  for (const key in value) {
    const item = value[key];
    // `undefined` never reaches the wire (JSON.stringify drops it), so it counts as absent.
    if (item === undefined) continue;
    const sub = properties !== undefined && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (sub !== undefined) check(sub, item, join(path, key), key, issues);
    else if (rule.closed) add(issues, join(path, key), messages.unknown(key, suggest(key, Object.keys(properties ?? {}))));
  }
}

function checkOneOf(rule: Rule, value: unknown, path: string, name: string, issues: Issue[]): void {
  const branches = rule.oneOf!;
  const selectors = rule.selectors;
  if (selectors === undefined) {
    // The generator guarantees the branches have distinct types, so at most one can match: check that one.
    const branch = branches.find((candidate) => candidate.type !== undefined && hasType(candidate.type, value));
    if (branch !== undefined) return check(branch, value, path, name, issues);
    add(issues, path, messages.type(name, branches.map((candidate) => candidate.type).join(" or ")));
    return;
  }
  if (!isObject(value)) {
    add(issues, path, messages.type(name, "object"));
    return;
  }
  let selected = -1;
  let count = 0;
  for (let i = 0; i < selectors.length; i++) {
    if (value[selectors[i]!] !== undefined) {
      selected = i;
      count++;
    }
  }
  if (count === 1) return checkObject(branches[selected]!, value, path, issues);
  // No branch or several: report that, then check every other key against the branches that know it, so
  // one answer lists all the problems.
  const present = selectors.filter((key) => value[key] !== undefined);
  add(issues, path, count === 0 ? messages.oneRequired(selectors) : messages.exclusive(present));
  const union = Object.assign({}, ...branches.map((branch) => branch.properties)) as Record<string, Rule>;
  const shared = branches[0]!.required!.filter((key) => branches.every((branch) => branch.required!.includes(key)));
  checkObject(
    { properties: union, required: shared, closed: true },
    Object.fromEntries(Object.entries(value).filter(([key]) => !selectors.includes(key))),
    path,
    issues,
  );
}

function hasType(type: NonNullable<Rule["type"]>, value: unknown): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON Schema counts code points, not UTF-16 units; only count them when the fast answer is unsure. */
function codePoints(text: string, atLeast: number): number {
  if (text.length >= 2 * atLeast || text.length < atLeast) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function add(issues: Issue[], path: string, message: string): void {
  issues.push({ parameter: path || "body", message });
}
