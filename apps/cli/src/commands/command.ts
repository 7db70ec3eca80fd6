import type { createTollFreeClient } from "@tf-orders/client";
import type { OptionSpec } from "../args/option-spec.js";
import type { ParsedOptions } from "../args/parse-command-args.js";
import type { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";

/** The parts of the client the CLI uses, so tests can hand in a fake. */
export type ClientFactory = (
  options: Parameters<typeof createTollFreeClient>[0],
) => Pick<ReturnType<typeof createTollFreeClient>, "purchaseTollFreeNumbers" | "authenticate">;

/** What a command receives besides its parsed options. */
export interface CommandContext {
  readonly io: CliIo;
  readonly createClient: ClientFactory;
  /** `--json` was given: stdout carries JSON only. */
  readonly json: boolean;
}

/** A subcommand of `tf-orders`: its help text and what it does. */
export interface Command {
  readonly name: string;
  /** One line for the tool's command list. */
  readonly summary: string;
  /** Paragraphs printed under the usage line of the command's help. */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Environment variables the command does not read, left out of its help's Environment section. */
  readonly ignoredEnvironment?: readonly string[];
  /** Example invocations, each with a comment. */
  readonly examples: ReadonlyArray<readonly [comment: string, command: string]>;
  readonly run: (values: ParsedOptions, context: CommandContext) => Promise<ExitCode>;
}
