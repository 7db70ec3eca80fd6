/**
 * One compiled JSON Schema, as scripts/emit-rules.mjs writes it into src/generated/rules.ts. Only the
 * keywords the spec uses exist here; the generator fails on any other, so no rule is skipped silently.
 */
export interface Rule {
  readonly type?: "integer" | "string" | "boolean" | "array" | "object";
  readonly enum?: readonly unknown[];
  /** `minimum`, `minLength` or `minItems`: the one that applies to the rule's type. */
  readonly min?: number;
  /** `pattern`, or the regex of `format` when `format` is set. */
  readonly pattern?: RegExp;
  /** The name of the format `pattern` checks, such as `email`. */
  readonly format?: string;
  readonly items?: Rule;
  /** The items' schema title, for the seed's "required for each Number object" wording. */
  readonly itemTitle?: string;
  readonly properties?: { readonly [key: string]: Rule };
  readonly required?: readonly string[];
  /** `additionalProperties: false`. */
  readonly closed?: boolean;
  /** A oneOf whose branches have distinct types, so the value's type picks the one that can match. */
  readonly oneOf?: readonly Rule[];
  /**
   * A oneOf of closed objects that share every property but one key of their own: this object rule is their
   * union (every key any branch allows, the keys all require) and `selectors` are the keys of their own.
   * Exactly one of them must be present, and it picks the branch.
   */
  readonly selectors?: readonly string[];
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
  /** For a problem between parameters (two order modes, or none): the ones it is about, as its message names them. */
  parameters?: string[];
}

// Every field of a rule, in one order.
const blank: Rule = Object.fromEntries(
  "type enum min pattern format items itemTitle properties required closed oneOf selectors"
    .split(" ")
    .map((key) => [key]),
);

/**
 * A rule with every field present and in one order, which keeps the checker's property reads monomorphic:
 * V8 then reads them at a fixed offset instead of looking them up, several times faster. The generated
 * table builds every rule through this.
 */
export const rule = (fields: Rule): Rule => ({ ...blank, ...fields });
