import { EXIT_CODE_HELP } from "../exit-codes.js";
import { ENVIRONMENT_HELP } from "./environment-help.js";
import { formatTable } from "./format-table.js";

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
