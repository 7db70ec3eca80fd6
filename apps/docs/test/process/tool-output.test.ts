import { describe, expect, it } from "vitest";
import { withoutBanners } from "../../src/process/tool-output.js";

describe("withoutBanners", () => {
  it.each([
    [
      "a boxed banner",
      "╔════╗\n║  Node 20 is old  ║\n╚════╝\nvalidating openapi.yaml...",
      "validating openapi.yaml...",
    ],
    ["blank lines", "a\n\n  \nb\n", "a\nb"],
    [
      "the advice to ignore every problem",
      "❌ Validation failed with 1 error.\nrun `redocly lint --generate-ignore-file` to add all problems to the ignore file.",
      "❌ Validation failed with 1 error.",
    ],
    [
      "nothing from a lint error",
      "[1] a.yaml:2:7 at #/type\n2 | type: integr\n  |       ^^^^^^",
      "[1] a.yaml:2:7 at #/type\n2 | type: integr\n  |       ^^^^^^",
    ],
  ])("drops %s", (_name, output, expected) => {
    expect(withoutBanners(output)).toBe(expected);
  });
});
