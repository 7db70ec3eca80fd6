import { describe, expect, it } from "vitest";
import { findChromium } from "../../browser.js";

const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("findChromium", () => {
  it.each([
    [
      "CHROMIUM_PATH when it exists",
      { CHROMIUM_PATH: "/opt/chromium/chrome" },
      ["/opt/chromium/chrome", "/usr/bin/chromium"],
      "/opt/chromium/chrome",
    ],
    ["Debian's chromium", {}, ["/usr/bin/chromium", "/usr/bin/google-chrome"], "/usr/bin/chromium"],
    ["chromium-browser next", {}, ["/usr/bin/chromium-browser", "/usr/bin/google-chrome"], "/usr/bin/chromium-browser"],
    ["google-chrome last", {}, ["/usr/bin/google-chrome"], "/usr/bin/google-chrome"],
    ["a standard path when CHROMIUM_PATH is empty", { CHROMIUM_PATH: "" }, ["/usr/bin/chromium"], "/usr/bin/chromium"],
  ])("picks %s", (_name, env, paths, expected) => {
    expect(findChromium(env, existing(...paths))).toBe(expected);
  });

  it("names a CHROMIUM_PATH that does not exist", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/nope/chrome" }, existing("/usr/bin/chromium"))).toThrow(
      /CHROMIUM_PATH is \/nope\/chrome, but there is no such file/,
    );
  });

  it("says how to install one when there is none", () => {
    expect(() => findChromium({}, existing())).toThrow(/No Chromium found.*apt-get install chromium.*CHROMIUM_PATH/s);
  });
});
