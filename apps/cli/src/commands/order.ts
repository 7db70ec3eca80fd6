import type { Order, paths } from "@tf-orders/client";
import { ORDER_OPTIONS } from "../args/order-options.js";
import { readConnectionSettings } from "../args/read-connection-settings.js";
import { resolveAuth } from "../auth/resolve-auth.js";
import { clientOptions } from "../client-options.js";
import { confirmPurchase } from "../confirm.js";
import { createCheckedClient } from "../create-checked-client.js";
import { classifyError } from "../errors/classify-error.js";
import { ExitCode } from "../exit-codes.js";
import { describeOrder } from "../order/describe-order.js";
import { prepareOrder } from "../order/prepare-order.js";
import { formatOrderSummary } from "../output/format-order-summary.js";
import { writeError } from "../output/write-error.js";
import { toJsonText } from "../output/write-json.js";
import type { Command } from "./command.js";

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
