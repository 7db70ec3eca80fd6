import { existsSync } from "node:fs";

/**
 * The browser the desk's and the docs' tests drive: Debian's Chromium (or CHROMIUM_PATH), never one Playwright
 * downloads, kept on this machine.
 */

/** Where Debian and other distributions put a Chromium or Chrome binary, in the order tried. */
export const standardChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Chromium's own calls to Google's services are refused by this closed network; these flags stop them (the flags
 * the workplace's notes list). The resolver rule fails every host name but 127.0.0.1, so even a request no route
 * sees (a CORS preflight) cannot leave the machine.
 */
export const offlineFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set (it must exist), else the first standard path that exists.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @param {(path: string) => boolean} [exists]
 * @returns {string}
 * @throws Error saying how to get one when there is none.
 */
export function findChromium(env = process.env, exists = existsSync) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== "") {
    if (exists(chosen)) return chosen;
    throw new Error(
      `CHROMIUM_PATH is ${chosen}, but there is no such file. Point it at a Chromium binary, or unset it.`,
    );
  }
  const found = standardChromiumPaths.find((path) => exists(path));
  if (found !== undefined) return found;
  throw new Error(
    `No Chromium found (looked at ${standardChromiumPaths.join(", ")}). The browser tests drive a system Chromium: ` +
      "install Debian's (`apt-get install chromium`, as .ci/run does) or set CHROMIUM_PATH.",
  );
}

/**
 * Whether a URL stays on this machine's loopback address (or never touches the network).
 *
 * @param {string} url
 */
export function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
}
