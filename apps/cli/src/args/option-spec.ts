import type { ParseArgsConfig } from "node:util";

/**
 * One command-line option: what `parseArgs` needs to parse it and what `--help` prints about it,
 * declared once so that the help text cannot list an option the parser does not know, or miss one.
 */
export interface OptionSpec {
  /** The long name, without the leading `--`. */
  readonly name: string;
  readonly type: "string" | "boolean";
  /** A one-letter alias, without the leading `-`. */
  readonly short?: string;
  /** May be given more than once; the values are collected in order. */
  readonly multiple?: boolean;
  /** The placeholder shown in help for a string option's value, such as `N` or `FILE`. */
  readonly value?: string;
  readonly description: string;
  /** Parsed but not listed in `--help` (test seams). */
  readonly hidden?: boolean;
}

/** Turns option specs into the `options` of `node:util` `parseArgs`. */
export function toParseArgsOptions(specs: readonly OptionSpec[]): NonNullable<ParseArgsConfig["options"]> {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const spec of specs) {
    options[spec.name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === true ? { multiple: true } : {}),
    };
  }
  return options;
}
