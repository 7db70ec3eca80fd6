import { createTollFreeClient } from "@tf-orders/client";
import type { ClientFactory, Command } from "./commands/command.js";
import { loginCommand } from "./commands/login.js";
import { orderCommand } from "./commands/order.js";
import { CREDENTIAL_ENV } from "./credentials.js";
import { classifyError, ExitCode, usageError } from "./errors.js";
import { cliVersion, formatCommandHelp, formatToolHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { parseCommandArgs } from "./options.js";
import { redactSecrets, writeError } from "./output.js";

/** The commands of `tf-orders`, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [orderCommand, loginCommand];

/**
 * Runs `tf-orders` with the given arguments (without `node` and the script path) and returns the exit
 * code. Never throws: every failure is reported on stderr and mapped to an exit code.
 *
 * @example
 * const code = await run(['order', '--quantity', '1', '--package-id', '1', '--service-area', '4', '--dry-run'], nodeIo());
 */
export async function run(
  argv: readonly string[],
  rawIo: CliIo,
  createClient: ClientFactory = createTollFreeClient,
): Promise<ExitCode> {
  const io = redactSecrets(rawIo, [rawIo.env[CREDENTIAL_ENV.token], rawIo.env[CREDENTIAL_ENV.password]]);
  const [first, ...rest] = argv;

  if (first === undefined) {
    io.stderr(formatToolHelp(COMMANDS));
    return ExitCode.Usage;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic === undefined ? formatToolHelp(COMMANDS) : formatCommandHelp(topic));
    return ExitCode.Ok;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`${cliVersion()}\n`);
    return ExitCode.Ok;
  }

  const command = COMMANDS.find((c) => c.name === first);
  const json = rest.includes("--json");
  const prefix = command === undefined ? "tf-orders" : `tf-orders ${command.name}`;
  try {
    if (command === undefined) {
      throw usageError(
        first.startsWith("-")
          ? `${first} must come after a command (tf-orders <command> [options]); see tf-orders --help`
          : `unknown command ${JSON.stringify(first)}; commands: ${COMMANDS.map((c) => c.name).join(", ")}`,
      );
    }
    const values = parseCommandArgs(rest, command.options);
    if (values.help === true) {
      io.stdout(formatCommandHelp(command));
      return ExitCode.Ok;
    }
    return await command.run(values, { io, createClient, json: values.json === true });
  } catch (error) {
    const report = classifyError(error, { purchaseSent: false, interrupted: io.interrupted });
    writeError(io, prefix, report, json);
    return report.exitCode;
  }
}
