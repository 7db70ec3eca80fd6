const BOX_DRAWING = /[║╔╚═╗╝]/;

/**
 * A tool's output without the boxed banners Redocly prints on every run (the Node 20 notice, the
 * Redoc 3 notice) and without blank lines, so that a lint error is what the reader sees.
 */
export function withoutBanners(output: string): string {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "" && !BOX_DRAWING.test(line))
    .join("\n");
}
