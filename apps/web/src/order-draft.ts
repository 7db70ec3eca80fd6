import {
  type Issue,
  isTollFree,
  type OrderRequest,
  parseTollFreeNumber,
  type TollFreeNumber,
  validateOrderRequest,
} from "@tf-orders/client";

/** The three ways to order, one tab each. Reservations are sent under the `reservations` key. */
export const orderModes = ["numbers", "quantity", "reservations"] as const;
export type OrderMode = (typeof orderModes)[number];

/** The form's fields, named after the order keys they fill. */
export const fieldNames = [
  ...orderModes,
  "packageID",
  "serviceArea",
  "Email",
  "Notes",
  "myRespOrg",
  "referenceID",
] as const;
export type FieldName = (typeof fieldNames)[number];

/** What a person typed, as the form holds it. */
export interface DraftInput {
  mode: OrderMode;
  numbers: string;
  quantity: string;
  reservations: string;
  packageID: string;
  serviceArea: string;
  Email: string;
  Notes: string;
  myRespOrg: boolean;
  referenceID: string;
}

/** The order the form describes, and every problem with it by field. */
export interface Draft {
  /** Exactly what would be sent: the body `validateOrderRequest` judged. */
  body: Record<string, unknown>;
  /** Messages by field; a field without problems has no entry. */
  problems: Partial<Record<FieldName, string[]>>;
  /** The order, when there is no problem at all. */
  order: OrderRequest | undefined;
}

/**
 * The most lines a pasted list may have. Every keystroke re-checks the whole form; this keeps that
 * instant, and an order of more numbers than this is better split anyway.
 */
export const maxListLines = 10_000;

/** The message of one line of a pasted list, so a person finds the line that fails. */
const onLine = (line: number, message: string) => `Line ${line}: ${message}`;

interface ParsedNumbers {
  items: TollFreeNumber[];
  /** The line of each item, for the validator's `numbers[i]` issues. */
  lineOf: number[];
  problems: string[];
}

/**
 * Reads a pasted list of numbers, one per line, in any format `parseTollFreeNumber` takes. Blank lines
 * are skipped; quotes and a trailing comma or semicolon (a CSV or JSON paste) are dropped. A line that is not
 * a number, not toll-free, or repeats an earlier line is a problem on that line (the desk's own checks: the
 * API would reject the first two, and one number cannot be bought twice).
 */
export function readNumbers(text: string): ParsedNumbers {
  const parsed: ParsedNumbers = { items: [], lineOf: [], problems: [] };
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > maxListLines) {
    parsed.problems.push(`The list has ${lines.length} lines; the desk takes at most ${maxListLines}. Split it.`);
    return parsed;
  }
  const firstLineOf = new Map<string, number>();
  lines.forEach((raw, index) => {
    const written = raw
      .trim()
      .replace(/[,;]$/, "")
      .replace(/^(["'])(.*)\1$/, "$2");
    if (written === "") return;
    const line = index + 1;
    let item: TollFreeNumber;
    try {
      item = parseTollFreeNumber(written);
    } catch (error) {
      parsed.problems.push(onLine(line, (error as Error).message));
      return;
    }
    const first = firstLineOf.get(item.number);
    if (!isTollFree(item.number))
      parsed.problems.push(
        onLine(line, `'${written}' is not a toll-free number (area code ${item.number.slice(0, 3)}).`),
      );
    else if (first !== undefined) parsed.problems.push(onLine(line, `'${written}' repeats line ${first}.`));
    else {
      firstLineOf.set(item.number, line);
      parsed.items.push(item);
      parsed.lineOf.push(line);
    }
  });
  return parsed;
}

/** Reads pasted reservation IDs: one per line, or separated by commas, semicolons or spaces. */
export function readReservations(text: string): { ids: string[]; problems: string[] } {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  if (words.length > maxListLines)
    return {
      ids: [],
      problems: [`The list has ${words.length} IDs; the desk takes at most ${maxListLines}. Split it.`],
    };
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const id of words) {
    if (ids.has(id)) problems.push(`'${id}' is listed twice.`);
    else ids.add(id);
  }
  return { ids: [...ids], problems };
}

/**
 * Reads a whole-number field. Digits become a number; anything else is passed on as the text it is, so that
 * the validator answers with the API's own message ("must be formatted as a(n) integer"). Digits a
 * browser cannot hold exactly are refused here: converting them would send another number than the one
 * typed.
 */
function readInteger(text: string, parameter: string): { value?: number | string; problem?: string } {
  const written = text.trim();
  if (written === "") return {};
  if (!/^-?\d+$/.test(written)) return { value: written };
  const value = Number(written);
  return Number.isSafeInteger(value)
    ? { value }
    : {
        problem: `The '${parameter}' parameter is too large: the largest whole number a browser sends exactly is ${Number.MAX_SAFE_INTEGER}.`,
      };
}

/**
 * The field a validator issue or a server's 422 is about. `body` (no order mode, or two) is about the
 * active mode; the keys of a `numbers` item are about the numbers.
 */
export function fieldOf(parameter: string, mode: OrderMode): FieldName | undefined {
  const root = parameter.split(/[.[]/, 1)[0] ?? "";
  if (root === "body") return mode;
  if (root === "countryCode" || root === "number") return "numbers";
  if (root === "reservationID") return "reservations";
  return (fieldNames as readonly string[]).includes(root) ? (root as FieldName) : undefined;
}

/**
 * Turns the form into the order it describes and lists every problem by field: the desk's own checks of
 * what was typed first (a line that is not a number, a number too large to send exactly, no reference),
 * then `validateOrderRequest`'s verdict in the API's own words for every field the desk did not flag.
 *
 * @example
 * ```ts
 * readDraft({ ...input, mode: "quantity", quantity: "2", packageID: "12x" }).problems.packageID;
 * // ["The 'packageID' parameter must be formatted as a(n) integer."]
 * ```
 */
export function readDraft(input: DraftInput): Draft {
  const problems: Partial<Record<FieldName, string[]>> = {};
  const flag = (field: FieldName, message: string) => {
    problems[field] = [...(problems[field] ?? []), message];
  };
  const body: Record<string, unknown> = {};
  let lineOf: number[] = [];

  if (input.mode === "numbers") {
    const numbers = readNumbers(input.numbers);
    for (const message of numbers.problems) flag("numbers", message);
    body.numbers = numbers.items;
    lineOf = numbers.lineOf;
  } else if (input.mode === "reservations") {
    const reservations = readReservations(input.reservations);
    for (const message of reservations.problems) flag("reservations", message);
    body.reservations = reservations.ids;
  }
  for (const key of ["quantity", "packageID"] as const) {
    if (key === "quantity" && input.mode !== "quantity") continue;
    const { value, problem } = readInteger(input[key], key);
    if (problem) flag(key, problem);
    if (value !== undefined) body[key] = value;
  }
  if (input.serviceArea !== "") body.serviceArea = Number(input.serviceArea);
  const email = input.Email.trim();
  if (email) body.Email = email;
  if (input.Notes.trim()) body.Notes = input.Notes;
  if (input.myRespOrg) body.myRespOrg = true;
  const referenceID = input.referenceID.trim();
  if (referenceID) body.referenceID = referenceID;
  else
    flag(
      "referenceID",
      "The desk needs a reference ID: it is how you find this order if its outcome is ever unknown. Use “New reference”.",
    );

  const verdict = validateOrderRequest(body);
  const flaggedByDesk = new Set(Object.keys(problems));
  for (const issue of verdict.ok ? [] : verdict.errors) {
    const field = fieldOf(issue.parameter, input.mode) ?? input.mode;
    if (!flaggedByDesk.has(field)) flag(field, withLine(issue, lineOf));
  }
  const valid = verdict.ok && Object.keys(problems).length === 0;
  return { body, problems, order: valid ? verdict.value : undefined };
}

/** A validator issue about `numbers[i]` names the line that item came from. */
function withLine(issue: Issue, lineOf: number[]): string {
  const index = /^numbers\[(\d+)\]/.exec(issue.parameter)?.[1];
  const line = index === undefined ? undefined : lineOf[Number(index)];
  return line === undefined ? issue.message : onLine(line, issue.message);
}

/**
 * A fresh reference ID: `TFD-`, the UTC date and time, and four random characters, such as
 * `TFD-20261202-0551-K7Q2`. Readable over the phone, and unique enough to find one order among a day's.
 */
export function newReferenceId(now: Date = new Date(), random: Uint8Array = crypto.getRandomValues(new Uint8Array(4))) {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const stamp = now.toISOString().replace(/[-:]/g, "").slice(0, 13).replace("T", "-");
  return `TFD-${stamp}-${Array.from(random, (byte) => alphabet[byte % alphabet.length]).join("")}`;
}
