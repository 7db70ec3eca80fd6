import { readFileSync } from "node:fs";
import { join } from "node:path";
import { siteDir } from "../../src/site/locations.js";

/** The Redoc options the build took from redocly.yaml's `openapi:` block, as the page embeds them. */
export interface RedocOptions {
  codeSamples?: { languages: { lang: string; label?: string }[] };
  disableTelemetry?: boolean;
}

/** Reads the options from the built page, so the tests follow redocly.yaml instead of repeating it. */
export function loadRedocOptions(): RedocOptions {
  const html = readFileSync(join(siteDir, "index.html"), "utf8");
  const json = /const __redoc_options = (\{.*?\});\n/.exec(html)?.[1];
  if (json === undefined)
    throw new Error(`No __redoc_options in ${join(siteDir, "index.html")}: did Redoc's page template change?`);
  return JSON.parse(json) as RedocOptions;
}

/** The tab labels of the request samples panel, in order. */
export function sampleLanguages(options: RedocOptions): string[] {
  return (options.codeSamples?.languages ?? []).map((language) => language.label ?? language.lang);
}
