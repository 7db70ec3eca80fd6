import { locateOperation, mockServer, resolveRef } from "@tf-orders/spec/reader";
import { prismCheckedFormats, prismEmailFormat } from "./prism-email-format.mjs";

// Keywords that never change a verdict; any other keyword must be compiled below or the generator fails,
// so a new rule in the spec can never be silently skipped.
const annotations = new Set([
  "title",
  "description",
  "examples",
  "example",
  "default",
  "deprecated",
  "$comment",
  "readOnly",
  "writeOnly",
  "externalDocs",
]);
const handled = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "minimum",
  "minLength",
  "pattern",
  "format",
  "items",
  "minItems",
  "properties",
  "required",
  "additionalProperties",
  "oneOf",
  "allOf",
]);
// The one `min` field of a rule holds the keyword that applies to its type.
const minimumOf = { minimum: "integer", minLength: "string", minItems: "array" };

/**
 * Ajv compiles `pattern` with the `u` flag, which makes V8's matcher about twice as slow. A pattern made of
 * printable ASCII with no `.`, negated class or negated escape can only match ASCII characters, which are
 * one code unit either way, so it gives the same verdict without the flag.
 */
function unicodeMatters(pattern) {
  return !/^[\x20-\x7e]*$/.test(pattern) || /\.|\[\^|\\[SWDBpPuc]/.test(pattern);
}

// Marks the objects that are rules, which the serialiser wraps in `rule(...)` (see src/validation/rule.ts).
const isRule = Symbol("rule");

/** A reference to a constant of the generated file, serialised as its identifier. */
class Ref {
  constructor(name) {
    this.name = name;
  }
}

/**
 * Compiles the spec's JSON Schemas into a rules table (src/generated/rules.ts) that the generic checker in
 * src/validation walks: every variant, selector key, required list, closed object, type, enum, const,
 * minimum, minLength, minItems, pattern and format comes from the bundled spec. Rules that come out alike
 * (wherever they are in the spec) are written once and shared.
 */
export function emitRules(spec) {
  const knownFormats = prismCheckedFormats();
  const compiled = new Map();
  const compiling = new Set();
  let usesEmail = false;

  // Rules that come out alike are one object, wherever they are in the spec.
  const interned = new Map();
  const ids = new Map();
  const intern = (rule) => {
    const key = JSON.stringify(rule, (name, value) =>
      value instanceof RegExp
        ? `/${value.source}/${value.flags}`
        : value instanceof Ref
          ? `ref:${value.name}`
          : name && value?.[isRule]
            ? ids.get(value)
            : value,
    );
    if (!interned.has(key)) {
      interned.set(key, rule);
      ids.set(rule, ids.size);
    }
    return interned.get(key);
  };

  const deref = (schema) => resolveRef(spec, schema);

  const flattenOneOf = (branches) =>
    branches.flatMap((branch) => {
      const target = deref(branch);
      const own = Object.keys(target).filter((key) => !annotations.has(key));
      return own.length === 1 && own[0] === "oneOf" ? flattenOneOf(target.oneOf) : [branch];
    });

  function compile(schema, where) {
    for (const key of Object.keys(schema)) {
      if (!annotations.has(key) && !handled.has(key))
        throw new Error(`${where}: keyword '${key}' is not supported by the generator`);
    }
    if (schema.$ref) {
      const siblings = Object.keys(schema).filter((key) => key !== "$ref" && !annotations.has(key));
      if (siblings.length > 0) throw new Error(`${where}: keywords beside $ref (${siblings}) are not supported`);
      if (!compiled.has(schema.$ref)) {
        if (compiling.has(schema.$ref)) throw new Error(`${where}: recursive schemas are not supported`);
        compiling.add(schema.$ref);
        compiled.set(schema.$ref, compile(resolveRef(spec, schema), schema.$ref.split("/").pop()));
      }
      return compiled.get(schema.$ref);
    }
    if (schema.allOf) return compile(mergeAllOf([withoutAllOf(schema), ...schema.allOf].map(deref), where), where);
    const rule = { [isRule]: true };
    if (schema.type !== undefined) {
      if (!["integer", "string", "boolean", "array", "object"].includes(schema.type)) {
        throw new Error(`${where}: type ${JSON.stringify(schema.type)} is not supported`);
      }
      rule.type = schema.type;
    }
    // The checker compares with ===, which equals JSON Schema's deep equality for primitives only.
    if (
      [...(schema.enum ?? []), ...("const" in schema ? [schema.const] : [])].some(
        (value) => value !== null && typeof value === "object",
      )
    ) {
      throw new Error(`${where}: enum/const values that are objects or arrays are not supported`);
    }
    if (schema.enum) rule.enum = schema.enum;
    if (schema.enum && "const" in schema) throw new Error(`${where}: enum beside const is not supported`);
    // `const: x` is `enum: [x]` (both compare by JSON equality), which the checker already handles.
    if ("const" in schema) rule.enum = [schema.const];
    for (const [keyword, type] of Object.entries(minimumOf)) {
      if (schema[keyword] === undefined) continue;
      if (schema.type !== type) throw new Error(`${where}: ${keyword} is supported on type ${type} only`);
      rule.min = schema[keyword];
    }
    if (schema.pattern !== undefined)
      rule.pattern = new RegExp(schema.pattern, unicodeMatters(schema.pattern) ? "u" : "");
    if (schema.format !== undefined && knownFormats.has(schema.format)) {
      if (schema.format !== "email") throw new Error(`${where}: format '${schema.format}' is not supported`);
      if (rule.pattern) throw new Error(`${where}: pattern beside format is not supported`);
      usesEmail = true;
      rule.pattern = new Ref("email");
      rule.format = "email";
    }
    if (schema.items) {
      rule.items = compile(schema.items, `${where}.items`);
      const title = deref(schema.items).title;
      if (title) rule.itemTitle = title;
    }
    if (schema.properties) {
      rule.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, compile(value, `${where}.${key}`)]),
      );
    }
    if (schema.required) rule.required = schema.required;
    if (schema.additionalProperties === false) rule.closed = true;
    else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
      throw new Error(`${where}: only additionalProperties false/true is supported`);
    }
    if (schema.oneOf) {
      if (Object.keys(rule).length > 0) throw new Error(`${where}: keywords beside oneOf are not supported`);
      return compileOneOf(schema.oneOf, where);
    }
    return intern(rule);
  }

  // allOf is compiled as one merged schema, which the checker walks once: properties merge key by key,
  // required lists join, and a keyword set on both sides must agree (or the generator refuses).
  function mergeAllOf(schemas, where) {
    const merged = {};
    for (const schema of schemas) {
      if (schema.allOf) throw new Error(`${where}: nested allOf is not supported`);
      if (schema.additionalProperties === false)
        throw new Error(`${where}: additionalProperties:false inside allOf is not supported`);
      for (const [key, value] of Object.entries(schema)) {
        if (annotations.has(key)) continue;
        if (key === "required") merged.required = [...new Set([...(merged.required ?? []), ...value])];
        else if (key === "properties") {
          merged.properties ??= {};
          for (const [name, sub] of Object.entries(value)) {
            merged.properties[name] = merged.properties[name]
              ? mergeAllOf([deref(merged.properties[name]), deref(sub)], `${where}.${name}`)
              : sub;
          }
        } else if (key in merged && JSON.stringify(merged[key]) !== JSON.stringify(value)) {
          throw new Error(`${where}: allOf branches disagree on '${key}'`);
        } else merged[key] = value;
      }
    }
    return merged;
  }

  function compileOneOf(oneOf, where) {
    const branches = flattenOneOf(oneOf);
    const targets = branches.map(deref);
    const rules = branches.map((branch, i) => compile(branch, `${where}.oneOf[${i}]`));
    if (targets.every((target) => target.type === "object")) {
      // Exactly one branch can match when each is closed and requires a key no other branch allows, and
      // the branches are alike otherwise: then the union of the branches (every key any allows, the keys
      // all require) with those keys as selectors is the same rule, and the checker reports each branch's
      // real problems once the key picks it.
      const selectors = rules.map((rule, i) => {
        const own = Object.keys(rule.properties ?? {}).filter((key) =>
          rules.every((other, j) => j === i || !(key in (other.properties ?? {}))),
        );
        if (!rule.closed || own.length !== 1 || !rule.required?.includes(own[0])) {
          throw new Error(
            `${where}: oneOf branch ${i} needs additionalProperties:false and exactly one required key of its own`,
          );
        }
        return own[0];
      });
      // Alike rules are one object (see intern), so the branches' other keys compare by identity.
      const rest = (rule, i) => ({
        ...rule,
        properties: Object.fromEntries(Object.entries(rule.properties).filter(([key]) => key !== selectors[i])),
        required: rule.required.filter((key) => key !== selectors[i]),
      });
      const alike = (a) =>
        JSON.stringify(Object.entries(a), (key, value) => (value?.[isRule] && key !== "" ? ids.get(value) : value));
      rules.forEach((rule, i) => {
        if (alike(rest(rule, i)) !== alike(rest(rules[0], 0)))
          throw new Error(`${where}: oneOf branch ${i} must differ from the others in its own key only`);
      });
      const { properties, required } = rest(rules[0], 0);
      for (const [i, rule] of rules.entries()) properties[selectors[i]] = rule.properties[selectors[i]];
      return intern({ [isRule]: true, type: "object", properties, required, closed: true, selectors });
    }
    const types = rules.map((rule) => rule.type);
    if (types.some((type) => type === undefined) || new Set(types).size !== types.length) {
      throw new Error(`${where}: oneOf branches must be objects with selector keys, or of distinct types`);
    }
    return intern({ [isRule]: true, oneOf: rules });
  }

  const operationIds = Object.values(spec.paths).flatMap((item) =>
    Object.values(item).flatMap((operation) => operation?.operationId ?? []),
  );
  const exported = operationIds
    .sort((a, b) => a.localeCompare(b))
    .map((operationId) => {
      const { path, operation } = locateOperation(spec, operationId);
      const json = operation.requestBody?.content?.["application/json"];
      const responses = {};
      for (const [status, response] of Object.entries(operation.responses)) {
        const schema = deref(response).content?.["application/json"]?.schema;
        responses[status] = schema ? compile(schema, `${operationId} ${status}`) : null;
      }
      return { operationId, path, responses, request: json && compile(json.schema, `${operationId} request`) };
    });

  // A rule that occurs more than once in the printed table becomes a constant, written once. Counting stops
  // at a rule's second occurrence: what it contains is printed once either way.
  const uses = new Map();
  const count = (rule, where) => {
    if (!rule) return;
    uses.set(rule, [...(uses.get(rule) ?? []), where]);
    if (uses.get(rule).length > 1) return;
    for (const [key, child] of Object.entries(rule.properties ?? {})) count(child, `${where}.${key}`);
    count(rule.items, `${where}[]`);
    for (const [i, child] of (rule.oneOf ?? []).entries()) count(child, `${where}.oneOf[${i}]`);
  };
  for (const { operationId, responses, request } of exported) {
    for (const [status, rule] of Object.entries(responses)) count(rule, `${operationId} ${status}`);
    count(request, `${operationId} request`);
  }
  const names = new Map();
  const lines = ['import { rule, type Rule } from "../validation/rule.js";', ""];
  if (usesEmail) {
    const email = prismEmailFormat();
    lines.push(`/** \`format: email\`, the regex of the ajv-formats copy Prism validates with. */`);
    lines.push(`const email = /${email.source}/${email.flags};`, "");
  }
  // Each constant after the constants it uses.
  const printed = new Set();
  const print = (value) => {
    if (value === null || typeof value !== "object" || value instanceof Ref || value instanceof RegExp) return;
    if (value[isRule] && uses.get(value).length > 1) {
      if (printed.has(value)) return;
      printed.add(value);
      Object.values(value).forEach(print);
      names.set(value, `shared${names.size + 1}`);
      lines.push(
        `/** Used by ${uses.get(value).join(", ")}. */`,
        `const ${names.get(value)} = ${serialise(value, "", names, false)};`,
      );
      return;
    }
    Object.values(value).forEach(print);
  };
  for (const { responses, request } of exported) print([responses, request]);
  lines.push(
    "",
    "/** The production base URL, the spec's first server. */",
    `export const defaultBaseUrl = ${JSON.stringify(spec.servers[0].url)};`,
    "/** The local mock's base URL, the spec's loopback server. */",
    `export const mockBaseUrl = ${JSON.stringify(mockServer(spec).origin)};`,
    "",
  );
  for (const { operationId, path, responses, request } of exported) {
    lines.push(
      `/** \`${operationId}\`: its path, and its response body rules by status. */`,
      `export const ${operationId} = ${serialise({ path, responses }, "", names)} as const;`,
    );
    if (request)
      lines.push(
        `/** \`${operationId}\`: its request body rule. */`,
        `export const ${operationId}Request: Rule = ${serialise(request, "", names)};`,
      );
  }
  lines.push("");
  return lines.join("\n");
}

function withoutAllOf({ allOf, ...rest }) {
  return rest;
}

function serialise(value, indent, names, byName = true) {
  if (value instanceof Ref) return value.name;
  if (byName && names.has(value)) return names.get(value);
  if (value === null) return "null";
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item) => serialise(item, inner, names));
    const flat = `[${items.join(", ")}]`;
    return flat.length < 80 && !flat.includes("\n")
      ? flat
      : `[\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${serialise(item, inner, names)}`,
    );
    const flat = `{ ${entries.join(", ")} }`;
    const text =
      flat.length < 100 && !flat.includes("\n")
        ? flat
        : `{\n${entries.map((entry) => `${inner}${entry},`).join("\n")}\n${indent}}`;
    return value[isRule] ? `/* @__PURE__ */ rule(${text})` : text;
  }
  return JSON.stringify(value);
}
