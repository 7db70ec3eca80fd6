import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The `format: email` regex the mock applies. Prism validates request bodies with Ajv plus the ajv-formats
 * copy it depends on, in that package's default ("full") mode; reading the regex from that very module keeps
 * the client's verdict equal to the mock's, even when Prism's ajv-formats differs from ours.
 */
export function prismEmailFormat() {
  const prismHttp = createRequire(require.resolve("@stoplight/prism-http/package.json"));
  const { fullFormats } = prismHttp("ajv-formats/dist/formats.js");
  const email = fullFormats.email;
  if (!(email instanceof RegExp)) throw new Error("Prism's ajv-formats no longer defines email as a RegExp");
  return email;
}

/**
 * The formats that make Prism reject a value. Prism ignores a format its ajv-formats does not know, and
 * ajv-formats defines some (such as `password`) as always valid; neither changes a verdict.
 */
export function prismCheckedFormats() {
  const prismHttp = createRequire(require.resolve("@stoplight/prism-http/package.json"));
  const { fullFormats } = prismHttp("ajv-formats/dist/formats.js");
  return new Set(Object.keys(fullFormats).filter((name) => fullFormats[name] !== true));
}
