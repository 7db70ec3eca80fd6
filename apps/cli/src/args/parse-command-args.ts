import { parseArgs } from "node:util";
import type { OptionSpec } from "./option-spec.js";
import { toParseArgsOptions } from "./option-spec.js";
import { usageError } from "./usage-error.js";

/** The parsed values of a command's options, keyed by long name. */
export type ParsedOptions = Readonly<Record<string, string | boolean | string[] | undefined>>;

/**
 * Parses a command's arguments strictly: unknown options, positional arguments and a single-valued
 * option given twice are usage errors (a repeated `--quantity` is more likely a mistake than intent,
 * and on a purchase a silent "last one wins" is not acceptable). The messages do not name the command:
 * whoever prints them adds the `tf-orders <command>:` prefix, once.
 */
export function parseCommandArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: toParseArgsOptions(specs),
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    throw usageError(cleanParseArgsMessage(error));
  }

  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const spec = specs.find((s) => s.name === token.name);
    if (spec === undefined || spec.multiple === true) continue;
    if (seen.has(token.name)) {
      throw usageError(`--${token.name} was given more than once`, `--${token.name}`);
    }
    seen.add(token.name);
  }
  return parsed.values as ParsedOptions;
}

function cleanParseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs suggests `--` to pass values that start with a dash; this CLI takes no positionals.
  return message.replace(/\. To specify a positional argument starting with a '-'.*$/s, "");
}
