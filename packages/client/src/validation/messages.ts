// The seed page's 422 templates, with its placeholders filled. Messages marked "ours" cover rules the seed
// documents no message for, in the same voice.

const p = (name: string): string => `The '${name}' parameter`;
const list = (names: readonly string[]): string => names.map((name) => `'${name}'`).join(", ");

export const messages = {
  required: (name: string) => `${p(name)} is required.`,
  requiredEach: (name: string, title: string) => `${p(name)} is required for each ${title} object.`,
  scalar: (name: string) => `${p(name)} must be scalar.`,
  type: (name: string, type: string) =>
    name ? `${p(name)} must be formatted as a(n) ${type}.` : `The request body must be formatted as a(n) ${type}.`,
  enum: (name: string, values: readonly unknown[]) => `${p(name)} must match one of the following values: ${values.join(", ")}`,
  // ours
  constant: (name: string, value: unknown) => `${p(name)} must be ${JSON.stringify(value)}.`,
  minimum: (name: string, minimum: number) => `${p(name)} must be at least ${minimum}.`,
  minLength: (name: string, length: number) =>
    length === 1 ? `${p(name)} must not be empty.` : `${p(name)} must be at least ${length} characters long.`,
  minItems: (name: string, count: number) => `${p(name)} must contain at least ${count} item(s).`,
  pattern: (name: string, pattern: RegExp) => `${p(name)} must match the pattern ${pattern.source}`,
  format: (name: string, format: string) => `${p(name)} must be formatted as a(n) ${format} address.`,
  unknown: (name: string, suggestion: string | undefined) =>
    `${p(name)} is not recognised.${suggestion === undefined ? "" : ` Did you mean '${suggestion}'?`}`,
  exclusive: (names: readonly string[]) => `The ${list(names)} parameters are mutually exclusive; send only one of them.`,
  oneRequired: (names: readonly string[]) => `One of the ${list(names)} parameters is required.`,
};
