import type { OrderRequest } from "@tf-orders/client";
import { ORDER_FIELD_OPTIONS } from "../args/order-options.js";
import type { ParsedOptions } from "../args/parse-command-args.js";
import { usageError } from "../args/usage-error.js";
import type { CliIo } from "../io.js";
import { buildOrderFromFlags } from "./build-order-from-flags.js";
import { readOrderBody } from "./read-order-body.js";
import { validateOrder } from "./validate-order.js";

/**
 * Produces the validated order to send, from `--body` or from the order flags (never both: mixing
 * them would leave it unclear which value wins).
 */
export async function prepareOrder(values: ParsedOptions, io: CliIo): Promise<OrderRequest> {
  const body = values.body;
  if (typeof body === "string") {
    const mixed = ORDER_FIELD_OPTIONS.filter((spec) => values[spec.name] !== undefined).map((spec) => `--${spec.name}`);
    if (mixed.length > 0) {
      throw usageError(
        `--body cannot be combined with order flags (${mixed.join(", ")}): put every field in the JSON`,
        "--body",
      );
    }
    return validateOrder(await readOrderBody(body, io), "body");
  }
  return validateOrder(buildOrderFromFlags(values), "flags");
}
