import type { Order, paths } from "@tf-orders/client";
import { resolveAuth } from "../credentials.js";
import { CliError, classifyError, ExitCode } from "../errors.js";
import type { CliIo } from "../io.js";
import { ORDER_OPTIONS, readConnectionSettings } from "../options.js";
import { describeOrder, prepareOrder } from "../order-input.js";
import { formatOrderSummary, toJsonText, writeError } from "../output.js";
import type { Target } from "../target.js";
import type { Command } from "./command.js";
import { clientOptions, createCheckedClient } from "./command.js";

/** The path the order is posted to, for the dry-run note. */
const ORDERS_PATH = "/_rest/v3/my/tf/orders" satisfies keyof paths;

/**
 * `tf-orders order`: build or read an order, validate it against the spec, confirm it when the target
 * is not the mock, send it once, and report the order and batch IDs. Never retried: the API has no
 * idempotency key, so a second attempt could buy twice.
 */
export const orderCommand: Command = {
  name: "order",
  summary: "purchase toll-free numbers (by quantity, by number or by reservation)",
  description: [
    "Purchase toll-free numbers. Give exactly one of --quantity, --number (repeatable) or",
    "--reservation (repeatable), plus --package-id and --service-area; or the whole order as JSON",
    "with --body FILE (--body - reads stdin). The order is validated against the API spec before",
    "anything is sent; --dry-run stops there and prints the JSON.",
    "",
    "Safety: without --base-url / TF_API_BASE_URL the order goes to the local mock. On any other host",
    "you are asked to confirm on the terminal; with stdin not a terminal, --yes is required. An order",
    "whose outcome is unknown (exit 6) is never retried: check your orders first.",
  ].join("\n"),
  options: ORDER_OPTIONS,
  examples: [
    [
      "two numbers of any kind, against the local mock",
      "tf-orders order --quantity 2 --package-id 1234567 --service-area 4",
    ],
    [
      "specific numbers, any common format",
      "tf-orders order --number 888-222-3456 --number +18772223456 --package-id 1234567 --service-area 4",
    ],
    [
      "reserved numbers, checking the JSON without sending it",
      "tf-orders order --reservation BD929A2A-7F48-11E6-B908-52540029234D --package-id 1234567 --service-area 4 --dry-run",
    ],
    [
      "a raw JSON order on production, from a script",
      "tf-orders order --body order.json --base-url https://customer.intelepeer.com --yes --json",
    ],
  ],
  async run(values, { io, createClient, json }) {
    const settings = readConnectionSettings(values, io.env);
    const { target } = settings;
    const order = await prepareOrder(values, io);

    if (values["dry-run"] === true) {
      io.stdout(toJsonText(order));
      // With --json, stderr carries nothing but JSON error lines, so notes are for people only.
      if (!json)
        io.stderr(`dry run: nothing sent (would POST ${describeOrder(order)} to ${target.baseUrl}${ORDERS_PATH})\n`);
      return ExitCode.Ok;
    }

    const auth = resolveAuth(io.env, target);
    const client = createCheckedClient(createClient, clientOptions(settings, auth));
    await confirmPurchase({ target, description: describeOrder(order), yes: values.yes === true, io });
    if (target.isMock && !json) io.stderr(`note: ${target.baseUrl} is the local mock; nothing is bought\n`);

    let result: Order;
    try {
      // Ctrl-C or SIGTERM abandons the purchase: before it left, nothing is sent; after, its outcome is unknown.
      result = await client.purchaseTollFreeNumbers(order, { signal: io.interrupted });
    } catch (error) {
      // Placeholder credentials are not the user's: the hint then names every way to authenticate.
      const report = classifyError(error, {
        target,
        authKind: auth.placeholder ? undefined : auth.kind,
        purchaseSent: true,
        referenceID: order.referenceID,
        interrupted: io.interrupted,
      });
      writeError(io, "tf-orders order", report, json);
      return report.exitCode;
    }
    io.stdout(json ? toJsonText(result) : formatOrderSummary(result));
    return ExitCode.Ok;
  },
};

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
