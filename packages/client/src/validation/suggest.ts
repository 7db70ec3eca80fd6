/**
 * The known key closest to a misspelt one (case-insensitive edit distance of at most 2, and less than half
 * the key), so `emial` suggests `Email`; undefined when nothing is close. Of equally close keys, the first.
 */
export function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  for (let edits = 0; edits <= Math.min(2, Math.ceil(key.length / 2) - 1); edits++) {
    const found = known.find((candidate) => within(lower, candidate.toLowerCase(), edits));
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether `a` becomes `b` in at most `edits` insertions, deletions or substitutions (Levenshtein distance).
 * Matching equal first characters is always optimal, so only a mismatch branches, at most `edits` deep.
 */
function within(a: string, b: string, edits: number): boolean {
  return (
    a === b ||
    (a[0] === b[0]
      ? within(a.slice(1), b.slice(1), edits)
      : edits > 0 &&
        (within(a.slice(1), b, edits - 1) ||
          within(a, b.slice(1), edits - 1) ||
          within(a.slice(1), b.slice(1), edits - 1)))
  );
}
