import type { Command } from "../commands/command.js";
import { DEFAULT_MOCK_URL } from "../target/resolve-target.js";
import { formatReferenceSections } from "./format-reference-sections.js";
import { formatTable } from "./format-table.js";

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
