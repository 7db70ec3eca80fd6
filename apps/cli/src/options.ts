// The command-line options of each command, declared once for the parser and for --help, and how their values are read.
import type { ParseArgsConfig } from "node:util";
import { parseArgs } from "node:util";
import { usageError } from "./errors.js";
import type { Target } from "./target.js";
import { DEFAULT_MOCK_URL, resolveTarget } from "./target.js";

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

/** Options every command that talks to the API accepts: where to, how long to wait, how to print. */
export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  {
    name: "base-url",
    type: "string",
    value: "URL",
    description: `API base URL (env TF_API_BASE_URL). Default: the local mock, ${DEFAULT_MOCK_URL}`,
  },
  {
    name: "mock-url",
    type: "string",
    value: "URL",
    description: "a loopback URL to treat as the mock: no confirmation, placeholder credentials (env TF_MOCK_URL)",
  },
  {
    name: "timeout",
    type: "string",
    value: "MS",
    description: "give up waiting for the API after MS milliseconds (default 30000)",
  },
  { name: "json", type: "boolean", description: "print machine-readable JSON on stdout (errors as JSON on stderr)" },
  { name: "help", type: "boolean", short: "h", description: "show this help" },
  {
    name: "header",
    type: "string",
    multiple: true,
    value: "NAME: VALUE",
    description: 'extra request header (test seam, e.g. "Prefer: code=402" against the mock)',
    hidden: true,
  },
];

/** The flags that build an order field by field; `--body` excludes every one of them. */
export const ORDER_FIELD_OPTIONS: readonly OptionSpec[] = [
  { name: "quantity", type: "string", value: "N", description: "order N available numbers" },
  {
    name: "number",
    type: "string",
    multiple: true,
    value: "NUM",
    description: "order this number (repeatable): 8882223456, 888-222-3456, +18882223456, (888) 222-3456, ...",
  },
  {
    name: "reservation",
    type: "string",
    multiple: true,
    value: "ID",
    description: "order the number held by reservation ID (repeatable)",
  },
  { name: "package-id", type: "string", value: "ID", description: "the package to order numbers for (required)" },
  { name: "service-area", type: "string", value: "N", description: "the service area of the numbers (required)" },
  {
    name: "email",
    type: "string",
    value: "ADDRESS",
    description: "e-mail address notified when the order changes status",
  },
  { name: "notes", type: "string", value: "TEXT", description: "notes about the fulfilment of the order" },
  {
    name: "reference-id",
    type: "string",
    value: "REF",
    description: "your reference for the order; reuse it when checking a retry",
  },
  { name: "my-resporg", type: "boolean", description: "provision to your own RespOrg instead of the carrier's" },
];

/** Every option of `tf-orders order`. */
export const ORDER_OPTIONS: readonly OptionSpec[] = [
  ...ORDER_FIELD_OPTIONS,
  {
    name: "body",
    type: "string",
    value: "FILE",
    description: 'send this JSON order (at most 1 MiB of UTF-8) instead of building one from flags ("-" reads stdin)',
  },
  { name: "dry-run", type: "boolean", description: "validate and print the JSON that would be sent; send nothing" },
  {
    name: "yes",
    type: "boolean",
    short: "y",
    description: "skip the confirmation asked before purchasing on a host other than the mock",
  },
  ...CONNECTION_OPTIONS,
];

/** Every option of `tf-orders login`. */
export const LOGIN_OPTIONS: readonly OptionSpec[] = [
  { name: "print-token", type: "boolean", description: "print the token on stdout (it is a secret: handle with care)" },
  ...CONNECTION_OPTIONS,
];

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

/**
 * Reads a whole number from a flag's text. Only the syntax is checked here; whether the number is
 * acceptable (at least 1, a known service area) is the order validator's job, so those rules live in
 * one place, the spec.
 *
 * @example
 * parseIntegerFlag('--quantity', '3'); // 3
 * parseIntegerFlag('--quantity', 'three'); // throws CliError (exit 2) naming --quantity
 */
export function parseIntegerFlag(flag: string, text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw usageError(`${flag} must be a whole number, got ${JSON.stringify(text)}`, flag);
  }
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) {
    throw usageError(`${flag} is too large: ${text}`, flag);
  }
  return value;
}

/**
 * Reads `--header 'Name: value'` values into a header record. This is a test seam (for example
 * `Prefer: code=402` against the mock) and is not listed in `--help`.
 */
export function parseHeaderFlags(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const text of values) {
    const colon = text.indexOf(":");
    const name = colon > 0 ? text.slice(0, colon).trim() : "";
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
      // Not quoted: a header's value may be a secret.
      throw usageError('--header must look like "Name: value" (a header name, a colon, then the value)', "--header");
    }
    if (name.toLowerCase() === "authorization") {
      // Credentials come from the environment only, so that they never sit in shell history.
      throw usageError(
        "--header cannot set Authorization; use TF_API_TOKEN or TF_API_USERNAME/TF_API_PASSWORD",
        "--header",
      );
    }
    headers[name] = text.slice(colon + 1).trim();
  }
  return headers;
}

/** Where and how to talk to the API, from the connection options and the environment. */
export interface ConnectionSettings {
  readonly target: Target;
  /** `--timeout`, when given; otherwise the client's default applies. */
  readonly timeoutMs: number | undefined;
  /** Extra request headers from the hidden `--header` seam. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Reads the options of `CONNECTION_OPTIONS`; bad values are usage errors (exit 2). */
export function readConnectionSettings(
  values: ParsedOptions,
  env: Readonly<Record<string, string | undefined>>,
): ConnectionSettings {
  const target = resolveTarget({
    baseUrlFlag: stringValue(values["base-url"]),
    mockUrlFlag: stringValue(values["mock-url"]),
    env,
  });
  const timeoutText = stringValue(values.timeout);
  let timeoutMs: number | undefined;
  if (timeoutText !== undefined) {
    // Only the syntax here: the range is the client's rule, refused at creation as a usage error.
    timeoutMs = parseIntegerFlag("--timeout", timeoutText);
  }
  const headerValues = values.header;
  return { target, timeoutMs, headers: parseHeaderFlags(Array.isArray(headerValues) ? headerValues : []) };
}

function stringValue(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
