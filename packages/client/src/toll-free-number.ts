import type { components } from "./generated/openapi.js";

/**
 * A North American number split the way an order's `numbers` items want it.
 *
 * @example
 * ```ts
 * const item: TollFreeNumber = { countryCode: "1", number: "8882223456" };
 * ```
 */
export type TollFreeNumber = components["schemas"]["TollFreeNumber"];

// NANP: area code and exchange both start with 2-9; an optional leading country code 1 (with or without +).
const nanp = /^(?:\+?1)?([2-9]\d{2})([2-9]\d{2})(\d{4})$/;
// The toll-free area codes in service; more 8xx codes may open later (api-facts: 800, 833 ... 888).
const tollFree = /^8(?:00|33|44|55|66|77|88)/;

/**
 * Parses a North American number written as E.164 (`+18882223456`), dashed (`1-888-222-3456`), with
 * parentheses (`(888) 222-3456`) or as ten digits, into the `{ countryCode, number }` form orders take.
 * Throws a `TypeError` naming the input when it is not a NANP number.
 *
 * @example
 * ```ts
 * parseTollFreeNumber("+1 (888) 222-3456"); // { countryCode: "1", number: "8882223456" }
 * ```
 */
export function parseTollFreeNumber(text: string): TollFreeNumber {
  const compact = String(text).replace(/[\s().-]/g, "");
  const match = nanp.exec(compact);
  if (!match) {
    throw new TypeError(
      `'${text}' is not a North American number: expected ten digits NPA-NXX-XXXX (area code and exchange starting 2-9), optionally preceded by 1 or +1.`,
    );
  }
  return { countryCode: "1", number: match[1]! + match[2]! + match[3]! };
}

/**
 * True when a ten-digit number (or anything {@link parseTollFreeNumber} accepts) has a toll-free 8xx area
 * code: 800, 833, 844, 855, 866, 877 or 888.
 *
 * @example
 * ```ts
 * isTollFree("8882223456"); // true
 * isTollFree("2125550123"); // false
 * ```
 */
export function isTollFree(number: string): boolean {
  try {
    return tollFree.test(parseTollFreeNumber(number).number);
  } catch {
    return false;
  }
}
