import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Chromium's own calls to Google's services are refused by this closed network; these flags stop them
 * (the flags /work/.library/env/machines/node.md lists, as the docs' browser test uses).
 */
const offlineFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium, or CHROMIUM_PATH; never a browser Playwright downloads. */
function chromiumPath(): string {
  const chosen = process.env.CHROMIUM_PATH || ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
  if (!chosen || !existsSync(chosen))
    throw new Error("No Chromium: install Debian's (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.");
  return chosen;
}

/** One request the page made. */
export interface SeenRequest {
  method: string;
  url: string;
}

/** A Chromium that only reaches 127.0.0.1, recording every request and every page error. */
export interface DeskBrowser {
  browser: Browser;
  /** Opens a fresh page (fresh memory: no token) on `url`, forgetting what the last page recorded. */
  open(url: string): Promise<Page>;
  /** Every request of the current page that reached the network layer (CORS preflights are not seen). */
  readonly requests: SeenRequest[];
  /** Requests to anything but 127.0.0.1: blocked before they left, and a test failure. */
  readonly blocked: string[];
  /** Uncaught page errors and console errors, but Chromium's "Failed to load resource" lines for HTTP errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Whether a URL stays on this machine's loopback address (or never touches the network). */
export const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
};

export async function openDeskBrowser(): Promise<DeskBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: offlineFlags });
  const requests: SeenRequest[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  let page: Page | undefined;
  return {
    browser,
    async open(url) {
      await page?.context().close();
      requests.length = 0;
      blocked.length = 0;
      errors.length = 0;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route("**/*", async (route) => {
        const request = route.request();
        requests.push({ method: request.method(), url: request.url() });
        if (isLocal(request.url())) return route.continue();
        blocked.push(request.url());
        return route.abort("blockedbyclient");
      });
      page = await context.newPage();
      page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
      page.on("console", (message) => {
        // Chromium logs every HTTP error status and failed fetch this way; the desk shows those itself.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
          errors.push(`console: ${message.text()}`);
      });
      await page.goto(url);
      return page;
    },
    requests,
    blocked,
    errors,
    close: () => browser.close(),
  };
}

/** How many requests with this method went to this path. */
export function countRequests(requests: readonly SeenRequest[], method: string, path: string): number {
  return requests.filter((request) => request.method === method && new URL(request.url).pathname === path).length;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core finding, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, and best practices) on the page as it is now and returns the
 * violations. axe is evaluated through the DevTools protocol, so the page's Content-Security-Policy stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
}
