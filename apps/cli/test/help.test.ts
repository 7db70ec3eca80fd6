import { describe, expect, it } from "vitest";
import { EXIT_CODE_HELP } from "../src/errors.js";
import { formatCommandHelp, formatToolHelp } from "../src/help.js";
import { COMMANDS } from "../src/run.js";

describe.each(COMMANDS.map((command) => [command.name, command] as const))("tf-orders %s --help", (_name, command) => {
  const help = formatCommandHelp(command);

  it.each(command.options.filter((o) => o.hidden !== true).map((o) => [o.name]))("lists --%s", (name) => {
    expect(help).toMatch(new RegExp(`--${name}\\b`));
  });

  it.each(command.options.filter((o) => o.hidden === true).map((o) => [o.name]))(
    "does not list the test seam --%s",
    (name) => {
      expect(help).not.toMatch(new RegExp(`--${name}\\b`));
    },
  );

  it("lists every exit code", () => {
    for (const [code, text] of EXIT_CODE_HELP)
      expect(help).toMatch(new RegExp(`^ *${code} +${escapeRegExp(text)}$`, "m"));
  });
});

describe("tf-orders --help", () => {
  const help = formatToolHelp(COMMANDS);

  it("lists every command and every exit code", () => {
    for (const command of COMMANDS) expect(help).toContain(command.summary);
    for (const [code, text] of EXIT_CODE_HELP)
      expect(help).toMatch(new RegExp(`^ *${code} +${escapeRegExp(text)}$`, "m"));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
