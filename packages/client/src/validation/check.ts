import * as say from "./messages.js";
import type { Issue, Rule } from "./rule.js";

type Json = Record<string, unknown>;

/** The most issues one verdict lists; the rest are only counted, so a hostile value cannot fill the memory. */
export const maxIssues = 50;
/** A parameter path longer than this (a megabyte-long key) is cut in the issue that names it. */
const maxPathLength = 200;

/** The problems found in one value: the first {@link maxIssues}, and how many there were in all. */
export interface Findings {
  issues: Issue[];
  total: number;
}

/**
 * Thrown by {@link check} on a value JSON would not carry as it is (a class instance, a `toJSON`, a function, a hole):
 * such a value is judged by its JSON text instead (see `validateOrderRequest`).
 */
export class NotPlainData extends Error {}

/**
 * Every problem of a whole value (a body) against a generated rule, the first {@link maxIssues} of them; none means
 * valid. The value must be plain JSON data (what `JSON.parse` returns), or {@link NotPlainData} is thrown.
 *
 * @example
 * issuesOf(purchaseTollFreeNumbersRequest, { quantity: 1 }).issues; // [{ parameter: "packageID", … }, …]
 */
export function issuesOf(rule: Rule, value: unknown): Findings {
  const found: Findings = { issues: [], total: 0 };
  check(rule, value, "", "", "", found);
  return found;
}

/**
 * Checks `value` against a generated rule and adds every problem to `found`; none means valid. The verdict equals JSON
 * Schema's (draft-07, as the mock applies it) for the keywords {@link Rule} has, with one exception: an integer must be
 * a safe integer, since a larger one (`9007199254740993`, `1e21`) is not the number it was written as, or is sent in
 * exponent form.
 *
 * The value sits at key `key` (a name or an item index) of the container at path `parent`; the path is only spelt out
 * (`numbers[0].number`) when needed, so a valid value costs no string building. `name` is the key the API's messages
 * quote; `each` is the title of the array item checked, for "required for each Number object". Only own properties
 * count, as for `JSON.stringify`.
 */
function check(
  rule: Rule,
  value: unknown,
  parent: string,
  key: string | number,
  name: string,
  found: Findings,
  each?: string,
): void {
  const { type, oneOf, min, pattern, selectors } = rule;
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  if (kind === "function" || kind === "symbol" || kind === "bigint" || kind === "undefined") throw new NotPlainData();
  if (oneOf) {
    // The branches have distinct types (the generator checks), so at most one can match.
    const branch = oneOf.find((candidate) => fits(candidate.type!, value, kind));
    if (branch) check(branch, value, parent, key, name, found);
    else add(found, parent, key, say.type(name, oneOf.map((item) => item.type).join(" or ")));
    return;
  }
  if (kind === "object" || kind === "array") plain(value as object, kind);
  if (type && !fits(type, value, kind)) {
    const scalarExpected = type !== "array" && type !== "object" && (kind === "array" || kind === "object");
    add(found, parent, key, scalarExpected ? say.scalar(name) : say.type(name, type));
    return;
  }
  if (rule.enum && !rule.enum.includes(value)) add(found, parent, key, say.oneOfValues(name, rule.enum));
  if (kind === "number") {
    if ((value as number) < min!) add(found, parent, key, say.minimum(name, min!));
  } else if (kind === "string") {
    if (min && codePoints(value as string, min) < min) add(found, parent, key, say.minLength(name, min));
    if (pattern && !pattern.test(value as string))
      add(found, parent, key, rule.format ? say.format(name, rule.format) : say.pattern(name, pattern));
  } else if (kind === "array") {
    const list = value as unknown[];
    if (list.length < min!) add(found, parent, key, say.minItems(name, min!));
    const path = locate(parent, key);
    if (rule.items)
      for (let i = 0; i < list.length; i++) check(rule.items, list[i], path, i, name, found, rule.itemTitle);
  } else if (kind === "object") {
    const object = value as Json;
    const { required, properties = {} } = rule;
    const path = locate(parent, key);
    const present = (field: string) => Object.hasOwn(object, field) && object[field] !== undefined;
    // A oneOf of closed branches that differ in one key each: exactly one of those keys picks the branch.
    // Without one, the union still reports every other problem.
    let chosen: string | undefined;
    if (selectors) {
      const named = selectors.filter(present);
      if (named.length === 1) chosen = named[0];
      else
        add(
          found,
          parent,
          key,
          named.length ? say.exclusive(named) : say.oneRequired(selectors),
          named.length ? named : [...selectors],
        );
    }
    if (required) for (const field of required) if (!present(field)) add(found, path, field, say.required(field, each));
    for (const field in object) {
      if (!Object.hasOwn(object, field)) continue;
      const item = object[field];
      // `undefined` never reaches the wire (JSON.stringify drops it), so it counts as absent.
      if (item === undefined) continue;
      if (Object.hasOwn(properties, field)) check(properties[field]!, item, path, field, field, found);
      else if (rule.closed) {
        if (typeof item === "function" || typeof item === "symbol") throw new NotPlainData();
        // The chosen branch does not allow the other branches' keys: suggest none of them.
        const known = Object.keys(properties).filter(
          (candidate) => !chosen || candidate === chosen || !selectors!.includes(candidate),
        );
        add(found, path, field, say.unknown(field, say.suggest(field, known)));
      }
    }
  }
}

/**
 * The verdict on any value, as JSON would send it: plain data is checked as it is; anything else (a class instance, a
 * getter or Proxy trap that throws, a `toJSON`, an inherited field) is checked as the data its JSON text holds, which
 * `data` then is. A value JSON cannot carry at all (a cycle, a BigInt) is one issue on `body`. Never throws.
 */
export function judge(rule: Rule, value: unknown): { found: Findings; data: unknown } {
  try {
    return { found: issuesOf(rule, value), data: value };
  } catch {
    // Not plain data, or reading it threw: judge its JSON text below.
  }
  const json = serialise(value);
  if ("issue" in json) return { found: { issues: [json.issue], total: 1 }, data: undefined };
  const data = json.text === undefined ? undefined : JSON.parse(json.text);
  // Nothing to send (undefined, a function, a toJSON that returns nothing) is judged as the missing body it is.
  return { found: issuesOf(rule, data ?? null), data };
}

/**
 * The JSON text of a value (undefined when JSON has nothing to send), or the issue on `body` saying why it cannot be
 * sent as JSON (a cycle, a BigInt, a getter that throws), however hostile the error.
 */
export function serialise(value: unknown): { text: string | undefined } | { issue: Issue } {
  try {
    return { text: JSON.stringify(value) };
  } catch (error) {
    let reason: string;
    try {
      reason = String((error as Error).message).slice(0, 200);
    } catch {
      reason = "an error that cannot be read";
    }
    return { issue: { parameter: "body", message: say.unserialisable(reason) } };
  }
}

/** Refuses what JSON would send differently: a class instance, a `toJSON`, a hole in an array, a non-finite number. */
function plain(value: object, kind: string): void {
  const prototype = Object.getPrototypeOf(value);
  if (kind === "array" ? prototype !== Array.prototype : prototype !== Object.prototype && prototype !== null) {
    throw new NotPlainData();
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") throw new NotPlainData();
}

function locate(parent: string, key: string | number): string {
  return typeof key === "number" ? `${parent}[${key}]` : parent && key ? `${parent}.${key}` : parent || key;
}

function add(found: Findings, parent: string, key: string | number, message: string, parameters?: string[]): void {
  if (found.total++ >= maxIssues) return;
  const path = locate(parent, key) || "body";
  const issue: Issue = { parameter: path.length > maxPathLength ? `${path.slice(0, maxPathLength)}…` : path, message };
  if (parameters) issue.parameters = parameters;
  found.issues.push(issue);
}

/** Whether a value of `kind` (typeof, or "array" or "null") has the JSON Schema type `type`. */
function fits(type: string, value: unknown, kind: string): boolean {
  if (kind === "number" && !Number.isFinite(value)) throw new NotPlainData();
  return type === kind || (type === "integer" && Number.isSafeInteger(value));
}

/** JSON Schema counts code points, not UTF-16 units; count them only when the quick answer is unsure. */
function codePoints(text: string, atLeast: number): number {
  return text.length >= 2 * atLeast ? text.length : [...text].length;
}
