const BOX_DRAWING = /[║╔╚═╗╝]/;
// Redocly closes a failed lint with advice to silence every problem; here the fix is to edit the spec.
const IGNORE_FILE_ADVICE = /--generate-ignore-file/;

/**
 * A tool's output without the boxed banners Redocly prints on every run (the Node 20 notice, the
 * Redoc 3 notice), without blank lines and without the advice to ignore every lint problem, so that the
 * errors themselves are what the reader sees.
 */
export function withoutBanners(output: string): string {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "" && !BOX_DRAWING.test(line) && !IGNORE_FILE_ADVICE.test(line))
    .join("\n");
}
