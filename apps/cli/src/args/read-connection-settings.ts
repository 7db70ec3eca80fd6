import type { Target } from "../target/resolve-target.js";
import { resolveTarget } from "../target/resolve-target.js";
import type { ParsedOptions } from "./parse-command-args.js";
import { parseHeaderFlags } from "./parse-header-flag.js";
import { parseIntegerFlag } from "./parse-integer-flag.js";

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
