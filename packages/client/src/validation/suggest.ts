/**
 * The known key closest to a misspelt one (case-insensitive edit distance of at most 2, and less than half
 * the key), so `emial` suggests `Email`; undefined when nothing is close.
 */
export function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let limit = Math.min(2, Math.ceil(key.length / 2) - 1);
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit) [best, limit] = [candidate, distance - 1];
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (const char of a) {
    let diagonal = row[0]!++;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (char === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
