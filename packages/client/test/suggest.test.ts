import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { suggest } from "../src/validation/messages.js";

// The textbook dynamic-programming Levenshtein distance, to hold the bounded search to.
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

// The first known key at the smallest case-insensitive distance, if that distance is small enough.
function reference(key: string, known: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.ceil(key.length / 2) - 1);
  let best: string | undefined;
  let distance = Infinity;
  for (const candidate of known) {
    const d = levenshtein(key.toLowerCase(), candidate.toLowerCase());
    if (d <= limit && d < distance) [best, distance] = [candidate, d];
  }
  return best;
}

const keys = [
  "numbers",
  "quantity",
  "reservations",
  "reservationID",
  "packageID",
  "serviceArea",
  "Email",
  "myRespOrg",
  "Notes",
  "referenceID",
];

describe("suggest", () => {
  test.each([
    ["emial", "Email"],
    ["notes", "Notes"],
    ["Quantity", "quantity"],
    ["numbrs", "numbers"],
    ["reservationId", "reservationID"],
    ["colour", undefined],
    ["x", undefined],
  ])("%s → %s", (key, expected) => {
    expect(suggest(key, keys)).toBe(expected);
  });

  test("equals the closest key by Levenshtein distance, first of equals, on generated misspellings", () => {
    const letters = fc.constantFrom(..."abcdeimnorsty".split(""));
    const misspelt = fc.oneof(
      fc.string({ unit: letters, maxLength: 14 }),
      fc
        .tuple(
          fc.constantFrom(...keys),
          fc.array(fc.tuple(fc.nat(), letters, fc.constantFrom("insert", "delete", "replace")), { maxLength: 3 }),
        )
        .map(([key, edits]) =>
          edits.reduce((text, [at, letter, edit]) => {
            const i = at % (text.length + 1);
            return edit === "insert"
              ? text.slice(0, i) + letter + text.slice(i)
              : text.slice(0, i) + (edit === "replace" ? letter : "") + text.slice(i + 1);
          }, key),
        ),
    );
    fc.assert(
      fc.property(misspelt, fc.shuffledSubarray(keys), (key, known) => {
        expect(suggest(key, known)).toBe(reference(key, known));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
