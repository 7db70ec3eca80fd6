/** Lays out two-column help rows, the second column aligned. */
export function formatTable(rows: ReadonlyArray<readonly [string, string]>, indent = "  "): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`).join("\n");
}
