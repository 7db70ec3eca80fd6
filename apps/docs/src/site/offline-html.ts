/**
 * Redoc 3 hard-codes its "API docs by Redocly" sidebar logo as images on Redocly's CDN, and no option
 * turns them off. An offline page must not fetch them, so the build swaps them for an inline SVG.
 */
const REDOC_CDN_LOGOS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
] as const;

const INLINE_LOGO =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="16" viewBox="0 0 52 16">' +
      '<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="bold" fill="#0044D4">Redoc</text>' +
      "</svg>",
  );

/**
 * URLs of assets that a browser would fetch from another host: scripts, styles, fonts and images
 * (plain links such as the spec's contact URL are only followed on a click, so they do not count).
 */
const REMOTE_ASSET = /https?:\/\/[^\s"'`)<>\\]+\.(?:m?js|css|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|otf)\b/g;
const REMOTE_FONT_CSS = /https?:\/\/fonts\.(?:googleapis|gstatic)\.com[^\s"'`)<>\\]*/g;

/**
 * Replaces the remote images Redoc would load with inline ones.
 *
 * @example
 * const page = makeOffline(await readFile("index.html", "utf8"));
 */
export function makeOffline(html: string): string {
  return REDOC_CDN_LOGOS.reduce((page, logo) => page.replaceAll(logo, INLINE_LOGO), html);
}

/** Every remote asset URL left in a page, sorted and without duplicates; empty for an offline page. */
export function findRemoteAssets(html: string): string[] {
  const found = [...html.matchAll(REMOTE_ASSET), ...html.matchAll(REMOTE_FONT_CSS)].map((match) => match[0]);
  return [...new Set(found)].sort();
}
