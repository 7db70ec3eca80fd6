/**
 * One compiled JSON Schema, as scripts/emit-rules.mjs writes it into src/generated/rules.ts. Only the
 * keywords the spec uses exist here; the generator fails on any other, so no rule is skipped silently.
 */
export interface Rule {
  readonly type?: "integer" | "string" | "boolean" | "array" | "object";
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly minLength?: number;
  readonly pattern?: RegExp;
  readonly format?: { readonly name: string; readonly pattern: RegExp };
  readonly items?: Rule;
  /** The items' schema title, for the seed's "required for each Number object" wording. */
  readonly itemTitle?: string;
  readonly minItems?: number;
  readonly properties?: { readonly [key: string]: Rule };
  readonly required?: readonly string[];
  /** `additionalProperties: false`. */
  readonly closed?: boolean;
  readonly oneOf?: readonly Rule[];
  /** For a oneOf of closed objects: the key that only branch `i` allows, which selects that branch. */
  readonly selectors?: readonly string[];
  /** For a oneOf with selectors: every key any branch allows and the keys all require, to report every
   * other problem when no selector, or several, are present. */
  readonly any?: Rule;
}

/**
 * One problem found in a value: where it is, and what is wrong, in the API's own wording.
 *
 * @example
 * ```ts
 * const issue: Issue = { parameter: "numbers[0].number", message: "The 'number' parameter is required for each Number object." };
 * ```
 */
export interface Issue {
  /** The parameter's path, such as `packageID` or `numbers[0].number`; `body` for the body itself. */
  parameter: string;
  message: string;
}

// Every field of a rule, in one order.
const blank: Rule = Object.fromEntries(
  "type enum minimum minLength pattern format items itemTitle minItems properties required closed oneOf selectors any".split(" ").map((key) => [key]),
);

/**
 * A rule with every field present and in one order, which keeps the checker's property reads monomorphic:
 * V8 then reads them at a fixed offset instead of looking them up, several times faster. The generated
 * table builds every rule through this.
 */
export const rule = (fields: Rule): Rule => ({ ...blank, ...fields });
