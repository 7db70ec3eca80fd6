import { EXIT_CODE_HELP } from "../exit-codes.js";
import { ENVIRONMENT_HELP } from "./environment-help.js";
import { formatTable } from "./format-table.js";

/** The Environment and Exit codes sections that end both the tool's and each command's `--help`. */
export function formatReferenceSections(): string[] {
  return [
    "Environment:",
    formatTable(ENVIRONMENT_HELP),
    "",
    "Exit codes:",
    formatTable(EXIT_CODE_HELP.map(([code, text]) => [String(code), text])),
    "",
  ];
}
