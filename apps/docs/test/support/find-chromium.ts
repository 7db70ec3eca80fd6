import { existsSync } from "node:fs";

/** Where Debian and other distributions put a Chromium or Chrome binary, in the order tried. */
export const STANDARD_CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
] as const;

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set (it must exist), else the first standard path that
 * exists. Never a browser downloaded by Playwright.
 *
 * @throws Error saying how to get one when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== "") {
    if (exists(chosen)) return chosen;
    throw new Error(
      `CHROMIUM_PATH is ${chosen}, but there is no such file. Point it at a Chromium binary, or unset it.`,
    );
  }
  const found = STANDARD_CHROMIUM_PATHS.find((path) => exists(path));
  if (found !== undefined) return found;
  throw new Error(
    `No Chromium found (looked at ${STANDARD_CHROMIUM_PATHS.join(", ")}). The docs browser test drives a ` +
      "system Chromium: install Debian's (`apt-get install chromium`, as .ci/run does) or set CHROMIUM_PATH.",
  );
}
