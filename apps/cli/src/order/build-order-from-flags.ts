import { isTollFree, parseTollFreeNumber } from "@tf-orders/client";
import type { ParsedOptions } from "../args/parse-command-args.js";
import { parseIntegerFlag } from "../args/parse-integer-flag.js";
import { usageError } from "../args/usage-error.js";
import { FLAG_FIELDS } from "./order-fields.js";

/**
 * Turns order flags into an order object, checking only flag syntax (whole numbers, phone number
 * formats). The object is not yet a valid order: which fields are required, which combinations are
 * allowed and which values are in range is decided by `validateOrderRequest`, from the spec.
 *
 * @example
 * buildOrderFromFlags({ quantity: '2', 'package-id': '1234567', 'service-area': '4' });
 * // { quantity: 2, packageID: 1234567, serviceArea: 4 }
 */
export function buildOrderFromFlags(values: ParsedOptions): Record<string, unknown> {
  const order: Record<string, unknown> = {};
  const text = (name: keyof typeof FLAG_FIELDS): string | undefined => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: keyof typeof FLAG_FIELDS): string[] | undefined => {
    const value = values[name];
    return Array.isArray(value) ? value : undefined;
  };

  const quantity = text("quantity");
  if (quantity !== undefined) order[FLAG_FIELDS.quantity] = parseIntegerFlag("--quantity", quantity);

  const numbers = list("number");
  if (numbers !== undefined) order[FLAG_FIELDS.number] = numbers.map(parseNumberFlag);

  const reservations = list("reservation");
  if (reservations !== undefined) order[FLAG_FIELDS.reservation] = reservations;

  const packageId = text("package-id");
  if (packageId !== undefined) order[FLAG_FIELDS["package-id"]] = parseIntegerFlag("--package-id", packageId);

  const serviceArea = text("service-area");
  if (serviceArea !== undefined) order[FLAG_FIELDS["service-area"]] = parseIntegerFlag("--service-area", serviceArea);

  for (const name of ["email", "notes", "reference-id"] as const) {
    const value = text(name);
    if (value !== undefined) order[FLAG_FIELDS[name]] = value;
  }

  if (values["my-resporg"] === true) order[FLAG_FIELDS["my-resporg"]] = true;
  return order;
}

function parseNumberFlag(text: string): unknown {
  let parsed: ReturnType<typeof parseTollFreeNumber>;
  try {
    parsed = parseTollFreeNumber(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--number ${JSON.stringify(text)}: ${reason}`, "--number");
  }
  // Any North American number parses; buying a geographic one through the toll-free API is a mistake.
  if (!isTollFree(parsed.number)) {
    throw usageError(
      `--number ${JSON.stringify(text)} is not a toll-free number (its area code is ${parsed.number.slice(0, 3)})`,
      "--number",
    );
  }
  return parsed;
}
