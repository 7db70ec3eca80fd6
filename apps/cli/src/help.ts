// The --help and --version texts, built from the same option specs and tables the CLI runs on.
import { createRequire } from "node:module";
import type { Command } from "./commands/command.js";
import { CREDENTIAL_ENV } from "./credentials.js";
import { EXIT_CODE_HELP } from "./errors.js";
import type { OptionSpec } from "./options.js";
import { DEFAULT_MOCK_URL } from "./target.js";

/** The CLI's version, read from its package.json at run time so it cannot drift from the release. */
export function cliVersion(): string {
  // `../package.json` from both src/ (tests) and dist/ (the built CLI).
  const pkg = createRequire(import.meta.url)("../package.json") as { version: string };
  return pkg.version;
}

/** Lays out two-column help rows, the second column aligned. */
export function formatTable(rows: ReadonlyArray<readonly [string, string]>, indent = "  "): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`).join("\n");
}

/** The environment variables the CLI reads, as `--help` and the README describe them. */
export const ENVIRONMENT_HELP: ReadonlyArray<readonly [string, string]> = [
  [CREDENTIAL_ENV.token, "API token (sent raw in Authorization); used in preference to a login"],
  [CREDENTIAL_ENV.username, "portal user name (with API access), to log in"],
  [CREDENTIAL_ENV.password, "that user's password"],
  ["TF_API_BASE_URL", `API base URL; default: the local mock, ${DEFAULT_MOCK_URL}`],
  ["TF_MOCK_URL", `where the mock runs (loopback only); default: ${DEFAULT_MOCK_URL}`],
];

/**
 * The Environment and Exit codes sections that end both the tool's and each command's `--help`; a command lists only
 * the variables it reads.
 */
export function formatReferenceSections(ignored: readonly string[] = []): string[] {
  return [
    "Environment:",
    formatTable(ENVIRONMENT_HELP.filter(([name]) => !ignored.includes(name))),
    "",
    "Exit codes:",
    formatTable(EXIT_CODE_HELP.map(([code, text]) => [String(code), text])),
    "",
  ];
}

/** The `--help` text of one command, built from the same option specs the parser uses. */
export function formatCommandHelp(command: Command): string {
  const options = formatTable(
    command.options.filter((o) => o.hidden !== true).map((o) => [optionLabel(o), o.description]),
  );
  const examples = command.examples.map(([comment, line]) => `  # ${comment}\n  ${line}`).join("\n\n");
  return [
    `Usage: tf-orders ${command.name} [options]`,
    "",
    command.description,
    "",
    "Options:",
    options,
    "",
    ...formatReferenceSections(command.ignoredEnvironment),
    "Examples:",
    examples,
    "",
  ].join("\n");
}

function optionLabel(option: OptionSpec): string {
  const names = option.short === undefined ? `    --${option.name}` : `-${option.short}, --${option.name}`;
  const value = option.type === "string" ? ` ${option.value ?? "VALUE"}` : "";
  return `${names}${value}${option.multiple === true ? " ..." : ""}`;
}

/** The `tf-orders --help` text: commands, environment, exit codes and the safety rules. */
export function formatToolHelp(commands: readonly Command[]): string {
  return [
    "Usage: tf-orders <command> [options]",
    "",
    "Order toll-free numbers from the command line. Without --base-url or TF_API_BASE_URL every",
    `request goes to the local mock (${DEFAULT_MOCK_URL}), where nothing is bought. On any other`,
    "host a purchase asks for confirmation on a terminal, and needs --yes when stdin is not one.",
    "",
    "Commands:",
    formatTable(commands.map((c) => [c.name, c.summary])),
    "",
    "Options:",
    formatTable([
      ["-h, --help", "show this help (tf-orders <command> --help for a command)"],
      ["-V, --version", "print the version"],
    ]),
    "",
    ...formatReferenceSections(),
  ].join("\n");
}
