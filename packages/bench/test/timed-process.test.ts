import { describe, expect, it } from "vitest";
import { parseElapsed, parseGnuTime } from "../src/timed-process.js";

describe("parseElapsed", () => {
  it.each([
    ["m:ss.cc", "0:12.34", 12_340],
    ["minutes", "2:03.50", 123_500],
    ["h:mm:ss", "1:02:03", 3_723_000],
  ])("reads %s", (_, text, want) => {
    expect(parseElapsed(text)).toBeCloseTo(want, 6);
  });

  it("rejects text that is not a time", () => {
    expect(() => parseElapsed("soon")).toThrow(/unreadable elapsed time "soon"/);
  });
});

describe("parseGnuTime", () => {
  const report = [
    '\tCommand being timed: "turbo run build"',
    "\tUser time (seconds): 17.14",
    "\tSystem time (seconds): 2.50",
    "\tPercent of CPU this job got: 85%",
    "\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:22.94",
    "\tMaximum resident set size (kbytes): 205824",
    "\tExit status: 0",
  ].join("\n");

  it("reads wall time, CPU time and peak RSS from `time -v`", () => {
    const parsed = parseGnuTime(report);
    expect(parsed.wallMs).toBeCloseTo(22_940, 6);
    expect(parsed.userMs).toBeCloseTo(17_140, 6);
    expect(parsed.systemMs).toBeCloseTo(2_500, 6);
    expect(parsed.maxRssKb).toBe(205_824);
  });

  it("names the field it could not find", () => {
    expect(() => parseGnuTime("\tExit status: 0")).toThrow(/Elapsed \(wall clock\) time/);
  });
});
