// What a command is, what it receives, and how it makes the client it talks through.
import type { createTollFreeClient } from "@tf-orders/client";
import type { Auth } from "../credentials.js";
import { CliError, ExitCode } from "../errors.js";
import { cliVersion } from "../help.js";
import type { CliIo } from "../io.js";
import type { ConnectionSettings, OptionSpec, ParsedOptions } from "../options.js";

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

/**
 * The options the CLI creates its client with. Credentials go to the client and nowhere else; the
 * client sends them only to the target's host.
 */
export function clientOptions(settings: ConnectionSettings, auth: Auth): Parameters<typeof createTollFreeClient>[0] {
  return {
    baseUrl: settings.target.baseUrl,
    ...(auth.kind === "token"
      ? { token: auth.token }
      : { credentials: { username: auth.username, password: auth.password } }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    headers: { ...settings.headers },
    userAgent: `tf-orders-cli/${cliVersion()}`,
  };
}

/**
 * Creates the client, turning its refusal of a setting (a token or header HTTP cannot carry, an unusable
 * timeout, credentials that break the login schema) into a usage error, exit 2: nothing was sent. The
 * client's messages name the setting and never quote a secret.
 *
 * @example
 * const client = createCheckedClient(createClient, clientOptions(settings, auth));
 */
export function createCheckedClient(
  createClient: ClientFactory,
  options: Parameters<ClientFactory>[0],
): ReturnType<ClientFactory> {
  try {
    return createClient(options);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      const message = error.message.replace(/^createTollFreeClient: /, "");
      throw new CliError(ExitCode.Usage, /nothing was sent/i.test(message) ? message : `${message} Nothing was sent.`);
    }
    throw error;
  }
}
