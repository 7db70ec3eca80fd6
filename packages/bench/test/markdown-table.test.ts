import { describe, expect, it } from "vitest";
import { renderTable } from "../src/markdown-table.js";

describe("renderTable", () => {
  it("renders a header, an alignment rule and the rows", () => {
    expect(
      renderTable({
        header: ["Name", "Value"],
        align: ["left", "right"],
        rows: [
          ["a", "1"],
          ["b", "22"],
        ],
      }),
    ).toBe(["| Name | Value |", "| --- | ---: |", "| a | 1 |", "| b | 22 |"].join("\n"));
  });

  it("escapes pipes so a cell cannot split", () => {
    expect(renderTable({ header: ["x"], rows: [["a|b"]] }).split("\n")[2]).toBe("| a\\|b |");
  });

  it("refuses a row whose width differs from the header's", () => {
    expect(() => renderTable({ header: ["a", "b"], rows: [["only one"]] })).toThrow(
      /row 0 has 1 cells, the header has 2/,
    );
  });
});
