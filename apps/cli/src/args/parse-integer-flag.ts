import { usageError } from "./usage-error.js";

/**
 * Reads a whole number from a flag's text. Only the syntax is checked here; whether the number is
 * acceptable (at least 1, a known service area) is the order validator's job, so those rules live in
 * one place, the spec.
 *
 * @example
 * parseIntegerFlag('--quantity', '3'); // 3
 * parseIntegerFlag('--quantity', 'three'); // throws CliError (exit 2) naming --quantity
 */
export function parseIntegerFlag(flag: string, text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw usageError(`${flag} must be a whole number, got ${JSON.stringify(text)}`, flag);
  }
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) {
    throw usageError(`${flag} is too large: ${text}`, flag);
  }
  return value;
}
