// The order to send, from the order flags or a --body file: read, checked against the spec, described for prompts.
import type { Issue, OrderRequest } from "@tf-orders/client";
import { isTollFree, parseTollFreeNumber, validateOrderRequest } from "@tf-orders/client";
import { CliError, ExitCode, usageError } from "./errors.js";
import type { CliIo } from "./io.js";
import type { ParsedOptions } from "./options.js";
import { ORDER_FIELD_OPTIONS, parseIntegerFlag } from "./options.js";

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

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** A key of any order variant, as the generated types spell it (`packageID`, `Email`, ...). */
export type OrderField = Extract<KeysOfUnion<OrderRequest>, string>;

/**
 * Which order field each flag sets. Typed against the generated `OrderRequest`, so a renamed or
 * re-cased field in the spec (`Email` → `email`) breaks the build instead of silently sending a key
 * the server ignores.
 */
export const FLAG_FIELDS = {
  quantity: "quantity",
  number: "numbers",
  reservation: "reservations",
  "package-id": "packageID",
  "service-area": "serviceArea",
  email: "Email",
  notes: "Notes",
  "reference-id": "referenceID",
  "my-resporg": "myRespOrg",
} as const satisfies Record<string, OrderField>;

/** The flag that sets a field, for messages: `packageID` → `--package-id`. */
export function flagForField(field: string): string | undefined {
  for (const [flag, name] of Object.entries(FLAG_FIELDS)) {
    if (name === field) return `--${flag}`;
  }
  return undefined;
}

/** The largest `--body` read: an order of thousands of numbers is well under it; anything larger is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the raw JSON order of `--body FILE` (or standard input for `--body -`): at most {@link MAX_BODY_BYTES}, valid
 * UTF-8 (a bad byte would otherwise become U+FFFD and be sent), and JSON. The order's content is validated like any
 * other order.
 */
export async function readOrderBody(source: string, io: CliIo): Promise<unknown> {
  const label = source === "-" ? "standard input" : source;
  let bytes: Uint8Array;
  try {
    bytes = source === "-" ? await io.readStdin(MAX_BODY_BYTES) : await io.readFile(source, MAX_BODY_BYTES);
  } catch (error) {
    if (io.interrupted.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--body: cannot read ${label}: ${reason}`, "--body");
  }
  if (bytes.length > MAX_BODY_BYTES) {
    throw usageError(
      `--body: ${label} is larger than ${MAX_BODY_BYTES} bytes (1 MiB), the most an order may be`,
      "--body",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const column = at - before.lastIndexOf(0x0a);
    throw usageError(
      `--body: ${label} is not valid UTF-8 at byte offset ${at} (line ${line}, column ${column})`,
      "--body",
    );
  }
  if (text.trim() === "") throw usageError(`--body: ${label} is empty`, "--body");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`--body: ${label} is not valid JSON: ${reason.slice(0, 200)}`, "--body");
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return i;
}

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

/** How many problems the human output lists; `--json` carries up to 50, the client's limit, and counts the rest. */
const PRINTED_PROBLEMS = 20;

/**
 * Checks an order against the spec with the client's validator. Problems end the command with exit
 * code 2 before anything is sent; with `namedBy: 'flags'` each names the flag to fix as well as the
 * field (`--package-id (packageID): ...`, `--number, --quantity (numbers, quantity): ... mutually exclusive`).
 */
export function validateOrder(candidate: unknown, namedBy: "flags" | "body"): OrderRequest {
  const result = validateOrderRequest(candidate);
  if (result.ok) return result.value;
  const problems = result.errors.map((error) => ({ field: problemField(error, namedBy), message: error.message }));
  const shown = problems.slice(0, PRINTED_PROBLEMS).map((p) => `  ${p.field}: ${p.message}`);
  const more = problems.length + result.omittedErrors - shown.length;
  if (more > 0) shown.push(`  …and ${more} more problem${more === 1 ? "" : "s"}`);
  const message = `the order is invalid:\n${shown.join("\n")}`;
  throw new CliError(ExitCode.Usage, message, undefined, problems, result.omittedErrors);
}

/** What a problem is about, for its line: the flags (when the order came from flags) and the fields. */
function problemField(error: Issue, namedBy: "flags" | "body"): string {
  // A problem between fields (two order modes, or none) names them; otherwise the path into the body
  // (`numbers[0]`) is kept, as it says more than its root field.
  const named = error.parameters?.join(", ") ?? error.parameter;
  const fields = error.parameters ?? [rootField(error.parameter)];
  const flags = namedBy === "flags" ? fields.map(flagForField).filter((flag) => flag !== undefined) : [];
  return flags.length === 0 ? named : `${flags.join(", ")} (${named})`;
}

/** `numbers[0].number` or `/numbers/0/number` → `numbers`. */
function rootField(parameter: string): string {
  return /[A-Za-z]+/.exec(parameter)?.[0] ?? parameter;
}

/**
 * Says in a few words what an order buys, for the confirmation prompt and the dry-run note.
 *
 * @example
 * describeOrder({ quantity: 2, packageID: 1234567, serviceArea: 4 });
 * // '2 numbers (any available) for package 1234567 in service area 4'
 */
export function describeOrder(order: OrderRequest): string {
  const fields = order as Readonly<Record<string, unknown>>;
  return `${describeWhat(fields)} for package ${String(fields.packageID)} in service area ${String(fields.serviceArea)}`;
}

function describeWhat(fields: Readonly<Record<string, unknown>>): string {
  if (typeof fields.quantity === "number") {
    return `${plural(fields.quantity, "number")} (any available)`;
  }
  const numbers = fields.numbers;
  if (Array.isArray(numbers)) {
    const shown = numbers.map(
      (item: { countryCode?: unknown; number?: unknown }) => `+${String(item.countryCode)}${String(item.number)}`,
    );
    return `${plural(numbers.length, "number")} (${shown.join(", ")})`;
  }
  const reserved = fields.reservations ?? fields.reservationID;
  const ids = Array.isArray(reserved) ? reserved : [reserved];
  return `the numbers of ${plural(ids.length, "reservation")} (${ids.map(String).join(", ")})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
