import { operationsOf, resolveRef } from "./load-spec.mjs";
import { prismEmailFormat, prismCheckedFormats } from "./prism-email-format.mjs";

// Keywords that never change a verdict; any other keyword must be compiled below or the generator fails,
// so a new rule in the spec can never be silently skipped.
const annotations = new Set(["title", "description", "examples", "example", "default", "deprecated", "$comment", "readOnly", "writeOnly", "externalDocs"]);
const handled = new Set(["$ref", "type", "enum", "const", "minimum", "minLength", "pattern", "format", "items", "minItems", "properties", "required", "additionalProperties", "oneOf", "allOf"]);
const componentPrefix = "#/components/schemas/";

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

/** A reference to a named component, serialised as its identifier. */
class Ref {
  constructor(name) {
    this.name = name;
  }
}

/**
 * Compiles the spec's JSON Schemas into a rules table (src/generated/rules.ts) that the generic checker in
 * src/validation walks: every variant, selector key, required list, closed object, type, enum, const,
 * minimum, minLength, minItems, pattern and format comes from the bundled spec.
 */
export function emitRules(spec) {
  const emitted = new Map();
  const knownFormats = prismCheckedFormats();
  let usesEmail = false;

  const component = (ref) => {
    if (!ref.startsWith(componentPrefix)) throw new Error(`$ref ${ref} is not a schema component`);
    const name = ref.slice(componentPrefix.length);
    if (!emitted.has(name)) {
      const rule = compile(resolveRef(spec, ref), name);
      emitted.set(name, rule);
    }
    return new Ref(`${name}Rule`);
  };

  const deref = (schema) => (schema.$ref ? resolveRef(spec, schema.$ref) : schema);

  const flattenOneOf = (branches) =>
    branches.flatMap((branch) => {
      const target = deref(branch);
      const own = Object.keys(target).filter((key) => !annotations.has(key));
      return own.length === 1 && own[0] === "oneOf" ? flattenOneOf(target.oneOf) : [branch];
    });

  function compile(schema, where) {
    for (const key of Object.keys(schema)) {
      if (!annotations.has(key) && !handled.has(key)) throw new Error(`${where}: keyword '${key}' is not supported by the generator`);
    }
    if (schema.$ref) {
      const siblings = Object.keys(schema).filter((key) => key !== "$ref" && !annotations.has(key));
      if (siblings.length > 0) throw new Error(`${where}: keywords beside $ref (${siblings}) are not supported`);
      return component(schema.$ref);
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
    if ([...(schema.enum ?? []), ...("const" in schema ? [schema.const] : [])].some((value) => value !== null && typeof value === "object")) {
      throw new Error(`${where}: enum/const values that are objects or arrays are not supported`);
    }
    if (schema.enum) rule.enum = schema.enum;
    if (schema.enum && "const" in schema) throw new Error(`${where}: enum beside const is not supported`);
    // `const: x` is `enum: [x]` (both compare by JSON equality), which the checker already handles.
    if ("const" in schema) rule.enum = [schema.const];
    if (schema.minimum !== undefined) rule.minimum = schema.minimum;
    if (schema.minLength !== undefined) rule.minLength = schema.minLength;
    if (schema.pattern !== undefined) rule.pattern = new RegExp(schema.pattern, unicodeMatters(schema.pattern) ? "u" : "");
    if (schema.format !== undefined && knownFormats.has(schema.format)) {
      if (schema.format !== "email") throw new Error(`${where}: format '${schema.format}' is not supported`);
      usesEmail = true;
      rule.format = { name: "email", pattern: new Ref("email") };
    }
    if (schema.items) {
      rule.items = compile(schema.items, `${where}.items`);
      const title = deref(schema.items).title;
      if (title) rule.itemTitle = title;
    }
    if (schema.minItems !== undefined) rule.minItems = schema.minItems;
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
    if (schema.oneOf) Object.assign(rule, compileOneOf(schema.oneOf, where));
    return rule;
  }

  // allOf is compiled as one merged schema, which the checker walks once: properties merge key by key,
  // required lists join, and a keyword set on both sides must agree (or the generator refuses).
  function mergeAllOf(schemas, where) {
    const merged = {};
    for (const schema of schemas) {
      if (schema.allOf) throw new Error(`${where}: nested allOf is not supported`);
      if (schema.additionalProperties === false) throw new Error(`${where}: additionalProperties:false inside allOf is not supported`);
      for (const [key, value] of Object.entries(schema)) {
        if (annotations.has(key)) continue;
        if (key === "required") merged.required = [...new Set([...(merged.required ?? []), ...value])];
        else if (key === "properties") {
          merged.properties ??= {};
          for (const [name, sub] of Object.entries(value)) {
            merged.properties[name] = merged.properties[name] ? mergeAllOf([deref(merged.properties[name]), deref(sub)], `${where}.${name}`) : sub;
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
    const compiled = branches.map((branch, i) => compile(branch, `${where}.oneOf[${i}]`));
    if (targets.every((target) => target.type === "object")) {
      if (!branches.every((branch) => branch.$ref)) throw new Error(`${where}: object branches of a oneOf must be components`);
      // Exactly one branch can match when each is closed and requires a key no other branch allows: the
      // checker then picks the branch by that key and reports that branch's real problems.
      const selectors = targets.map((target, i) => {
        const own = (target.required ?? []).filter((key) =>
          targets.every((other, j) => j === i || !(key in (other.properties ?? {}))),
        );
        if (target.additionalProperties !== false || own.length !== 1) {
          throw new Error(`${where}: oneOf branch ${i} needs additionalProperties:false and exactly one key of its own`);
        }
        return own[0];
      });
      // When no selector or several are present, the checker still reports every other problem by checking
      // the keys against all branches at once: every key any branch allows, and the keys all of them require.
      // Properties every branch declares alike are emitted once and spread into each branch.
      const rules = compiled.map((ref) => emitted.get(ref.name.slice(0, -"Rule".length)));
      const sharedKeys = Object.keys(rules[0].properties).filter((key) =>
        rules.every((rule) => rule.properties[key] instanceof Ref && rule.properties[key].name === rules[0].properties[key].name),
      );
      const shared = new Ref(`${where}Shared`);
      emitted.set(`${where}Shared`, { constant: Object.fromEntries(sharedKeys.map((key) => [key, rules[0].properties[key]])) });
      const union = { "...": shared };
      for (const rule of rules) {
        const own = Object.fromEntries(Object.entries(rule.properties).filter(([key]) => !sharedKeys.includes(key)));
        rule.properties = { "...": shared, ...own };
        Object.assign(union, own);
      }
      const required = (targets[0].required ?? []).filter((key) => targets.every((target) => target.required?.includes(key)));
      return { oneOf: compiled, selectors, any: { [isRule]: true, type: "object", properties: union, required, closed: true } };
    }
    const types = targets.map((target) => target.type);
    if (types.some((type) => type === undefined) || new Set(types).size !== types.length) {
      throw new Error(`${where}: oneOf branches must be objects with selector keys, or of distinct types`);
    }
    return { oneOf: compiled };
  }

  const operations = operationsOf(spec);
  const exported = [];
  for (const [operationId, { path, operation }] of Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))) {
    const json = operation.requestBody?.content?.["application/json"];
    const responses = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = deref(response).content?.["application/json"]?.schema;
      responses[status] = schema ? compile(schema, `${operationId} ${status}`) : null;
    }
    exported.push(
      `/** \`${operationId}\`: its path, and its response body rules by status. */`,
      `export const ${operationId} = ${serialise({ path, responses }, "")} as const;`,
    );
    if (json) {
      exported.push(`/** \`${operationId}\`: its request body rule. */`, `export const ${operationId}Request: Rule = ${serialise(compile(json.schema, `${operationId} request`), "")};`);
    }
  }

  const lines = [
    'import { rule, type Rule } from "../validation/rule.js";',
    "",
  ];
  if (usesEmail) {
    const email = prismEmailFormat();
    lines.push(`/** \`format: email\`, the regex of the ajv-formats copy Prism validates with. */`);
    lines.push(`const email = /${email.source}/${email.flags};`, "");
  }
  // Print each constant after the constants it uses.
  const printed = new Set();
  const print = (name) => {
    if (printed.has(name)) return;
    printed.add(name);
    const rule = emitted.get(name);
    for (const used of refsIn(rule)) if (emitted.has(used)) print(used);
    lines.push(
      rule.constant
        ? `const ${name}: { readonly [key: string]: Rule } = ${serialise(rule.constant, "")};`
        : `const ${name}Rule = ${serialise(rule, "")};`,
    );
  };
  for (const name of emitted.keys()) print(name);
  lines.push(
    "",
    "/** The production base URL, the spec's first server. */",
    `export const defaultBaseUrl = ${JSON.stringify(spec.servers[0].url)};`,
    "",
    ...exported,
    "",
  );
  return lines.join("\n");
}

function withoutAllOf({ allOf, ...rest }) {
  return rest;
}

function refsIn(value) {
  if (value instanceof Ref) return [value.name.endsWith("Rule") ? value.name.slice(0, -4) : value.name];
  if (value === null || typeof value !== "object" || value instanceof RegExp) return [];
  return Object.values(value).flatMap(refsIn);
}

function serialise(value, indent) {
  if (value instanceof Ref) return value.name;
  if (value === null) return "null";
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item) => serialise(item, inner));
    const flat = `[${items.join(", ")}]`;
    return flat.length < 80 && !flat.includes("\n") ? flat : `[\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) =>
      key === "..." ? `...${item.name}` : `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${serialise(item, inner)}`,
    );
    const flat = `{ ${entries.join(", ")} }`;
    const text = flat.length < 100 && !flat.includes("\n") ? flat : `{\n${entries.map((entry) => `${inner}${entry},`).join("\n")}\n${indent}}`;
    return value[isRule] ? `/* @__PURE__ */ rule(${text})` : text;
  }
  return JSON.stringify(value);
}
