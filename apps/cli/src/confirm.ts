import { CliError } from "./errors/cli-error.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import type { Target } from "./target/resolve-target.js";

/** What {@link confirmPurchase} needs to decide. */
export interface ConfirmInputs {
  readonly target: Target;
  /** What the order buys, in words (see `describeOrder`). */
  readonly description: string;
  /** `--yes` was given. */
  readonly yes: boolean;
  readonly io: Pick<CliIo, "stdinIsTTY" | "prompt">;
}

/**
 * Makes sure a person (or a script, with `--yes`) meant to buy on a real host. The mock needs no
 * confirmation. Without a terminal to ask on and without `--yes`, the purchase is refused rather than
 * assumed: a pipeline must opt in explicitly.
 *
 * @throws CliError with exit code 2 when the purchase is not confirmed; nothing has been sent.
 */
export async function confirmPurchase({ target, description, yes, io }: ConfirmInputs): Promise<void> {
  if (target.isMock || yes) return;
  if (!io.stdinIsTTY) {
    throw new CliError(
      ExitCode.Usage,
      `refusing to purchase on ${target.host} without --yes (stdin is not a terminal)`,
      "--yes",
    );
  }
  const answer = await io.prompt(`Purchase ${description} on ${target.host}? This is billed. [y/N] `);
  if (!/^\s*y(es)?\s*$/i.test(answer)) {
    throw new CliError(ExitCode.Usage, "purchase not confirmed; nothing was sent", "--yes");
  }
}
