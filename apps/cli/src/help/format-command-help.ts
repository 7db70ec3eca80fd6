import type { OptionSpec } from "../args/option-spec.js";
import type { Command } from "../commands/command.js";
import { formatReferenceSections } from "./format-reference-sections.js";
import { formatTable } from "./format-table.js";

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
