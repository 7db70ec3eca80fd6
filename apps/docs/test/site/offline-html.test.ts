import { describe, expect, it } from "vitest";
import { findRemoteAssets, makeOffline } from "../../src/site/offline-html.js";

describe("makeOffline", () => {
  it.each([
    ["the full logo", "src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`x`"],
    ["the mini logo", "src:`https://cdn.redoc.ly/redoc/logo-mini.svg`"],
  ])("inlines %s", (_name, html) => {
    const offline = makeOffline(html);
    expect(offline).not.toContain("cdn.redoc.ly");
    expect(offline).toContain("data:image/svg+xml,");
    expect(findRemoteAssets(offline)).toEqual([]);
  });

  it("leaves everything else as it was", () => {
    const html = '<a href="https://www.npmjs.com/package/@tf-orders/client">npm</a>';
    expect(makeOffline(html)).toBe(html);
  });
});

describe("findRemoteAssets", () => {
  it.each([
    [
      "a CDN script",
      '<script src="https://cdn.example.com/redoc.standalone.js"></script>',
      ["https://cdn.example.com/redoc.standalone.js"],
    ],
    ["a font", "src:url(https://fonts.example.com/inter.woff2)", ["https://fonts.example.com/inter.woff2"]],
    [
      "Google Fonts CSS",
      '<link href="https://fonts.googleapis.com/css?family=Roboto">',
      ["https://fonts.googleapis.com/css?family=Roboto"],
    ],
    [
      "an image in a JS string",
      "src:`https://cdn.redoc.ly/redoc/logo-mini.svg`",
      ["https://cdn.redoc.ly/redoc/logo-mini.svg"],
    ],
    ["a plain link", '<a href="https://customer.intelepeer.com">production</a>', []],
    ["an SVG namespace", '<svg xmlns="http://www.w3.org/2000/svg"></svg>', []],
    ["a local asset", '<img src="openapi.svg">', []],
  ])("on %s", (_name, html, expected) => {
    expect(findRemoteAssets(html)).toEqual(expected);
  });

  it("reports each URL once, sorted", () => {
    const html = "`https://b.example/x.js` `https://a.example/y.css` `https://b.example/x.js`";
    expect(findRemoteAssets(html)).toEqual(["https://a.example/y.css", "https://b.example/x.js"]);
  });
});
