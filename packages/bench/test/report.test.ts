import { describe, expect, it } from "vitest";
import type { Machine } from "../src/machine.js";
import { type RunResult, renderReport } from "../src/report.js";

const machine: Machine = {
  cpu: "Test CPU",
  cores: 2,
  memoryBytes: 8 * 2 ** 30,
  node: "v20.20.0",
  os: "Linux 6.1 (x64)",
  date: "2026-01-02T03:04:05.000Z",
  commit: "abc123",
  uncommittedPaths: 0,
  loadAtStart: [0.1, 0.2, 0.3],
  tools: { tinybench: "6.2.5", esbuild: "0.28.2" },
};

const run = (overrides: Partial<RunResult> = {}): RunResult => ({
  machine,
  loadAtEnd: [0.1, 0.1, 0.1],
  elapsedMs: 61_000,
  command: "npm run bench",
  sections: [
    {
      title: "Speed",
      method: ["How it was measured."],
      tables: [{ caption: "Figures", header: ["a", "b"], rows: [["1", "2"]] }],
      verdicts: [
        { target: "fast", measured: "fast enough", pass: true },
        { target: "small", measured: "too big", pass: false },
      ],
      notes: ["Why it missed."],
      elapsedMs: 1500,
    },
  ],
  ...overrides,
});

describe("renderReport", () => {
  it("starts with the machine and the run", () => {
    const text = renderReport(run());
    for (const expected of [
      "Test CPU, 2 cores",
      "8.0 GiB",
      "v20.20.0",
      "2026-01-02T03:04:05.000Z",
      "abc123",
      "0.10 / 0.20 / 0.30",
      "61.0 s",
      "tinybench 6.2.5, esbuild 0.28.2",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("summarises every target with PASS or MISS, then renders each section", () => {
    const text = renderReport(run());
    expect(text).toContain("| Speed | fast | fast enough | PASS |");
    expect(text).toContain("| Speed | small | too big | MISS |");
    expect(text).toContain("## 1. Speed");
    expect(text).toContain("**Figures**");
    expect(text).toContain("Why it missed.");
    expect(text.endsWith("\n")).toBe(true);
  });

  it.each([
    ["an idle machine", [0.1, 0.1, 0.1], false],
    ["a busy machine", [3.5, 2, 1], true],
  ])("says whether other jobs shared %s", (_, loadAtStart, busy) => {
    const text = renderReport(run({ machine: { ...machine, loadAtStart } }));
    expect(text.includes("Measured while other jobs ran")).toBe(busy);
  });

  it("names uncommitted changes next to the commit", () => {
    expect(renderReport(run({ machine: { ...machine, uncommittedPaths: 3 } }))).toContain(
      "abc123 plus 3 uncommitted paths",
    );
  });
});
