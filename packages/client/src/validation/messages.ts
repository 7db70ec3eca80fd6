// The seed page's 422 templates with their placeholders filled; those marked "ours" cover rules the seed
// documents no message for, in the same voice.

/** Names longer than this (a megabyte-long unknown key) are cut in messages. */
const maxNameLength = 100;
const p = (name: string): string =>
  `The '${name.length > maxNameLength ? `${name.slice(0, maxNameLength)}…` : name}' parameter`;
const quote = (names: readonly string[]): string => names.map((name) => `'${name}'`).join(", ");

export const required = (name: string, each?: string): string =>
  `${p(name)} is required${each ? ` for each ${each} object` : ""}.`;
export const scalar = (name: string): string => `${p(name)} must be scalar.`;
export const type = (name: string, type: string): string =>
  `${name ? p(name) : "The request body"} must be formatted as a(n) ${type}.`;
export const oneOfValues = (name: string, values: readonly unknown[]): string =>
  `${p(name)} must match one of the following values: ${values.join(", ")}`;

// ours
export const minimum = (name: string, minimum: number): string => `${p(name)} must be at least ${minimum}.`;
export const minLength = (name: string, length: number): string =>
  `${p(name)} must ${length === 1 ? "not be empty" : `be at least ${length} characters long`}.`;
export const minItems = (name: string, count: number): string => `${p(name)} must contain at least ${count} item(s).`;
export const pattern = (name: string, pattern: RegExp): string => `${p(name)} must match the pattern ${pattern.source}`;
export const format = (name: string, format: string): string =>
  `${p(name)} must be formatted as a(n) ${format} address.`;
export const unknown = (name: string, suggestion: string | undefined): string =>
  `${p(name)} is not recognised.${suggestion ? ` Did you mean '${suggestion}'?` : ""}`;
export const exclusive = (names: readonly string[]): string =>
  `The ${quote(names)} parameters are mutually exclusive; send only one of them.`;
export const oneRequired = (names: readonly string[]): string => `One of the ${quote(names)} parameters is required.`;
export const unserialisable = (reason: string): string => `The request body cannot be sent as JSON: ${reason}.`;

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
