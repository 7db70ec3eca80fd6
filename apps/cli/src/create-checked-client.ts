import type { ClientFactory } from "./commands/command.js";
import { CliError } from "./errors/cli-error.js";
import { ExitCode } from "./exit-codes.js";

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
