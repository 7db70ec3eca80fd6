/** A cell's alignment in a rendered column. */
export type Align = "left" | "right";

/** A Markdown table: a header row, then rows of cells already formatted as text. */
export interface Table {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Per column; numbers read best right-aligned. Defaults to left. */
  align?: readonly Align[];
}

/** Renders a GitHub-flavoured Markdown table; pipes inside cells are escaped so they cannot split a cell. */
export function renderTable(table: Table): string {
  const width = table.header.length;
  for (const [index, row] of table.rows.entries()) {
    if (row.length !== width) {
      throw new RangeError(`row ${index} has ${row.length} cells, the header has ${width}`);
    }
  }
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  const rule = table.header.map((_, column) => (table.align?.[column] === "right" ? "---:" : "---"));
  return [line(table.header), line(rule), ...table.rows.map(line)].join("\n");
}
