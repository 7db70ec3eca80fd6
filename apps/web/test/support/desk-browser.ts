import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { findChromium, isLocal, offlineFlags } from "../../browser.js";

/** One request the page made. */
export interface SeenRequest {
  method: string;
  url: string;
}

/** How {@link DeskBrowser.open} loads the page. */
export interface OpenOptions {
  /**
   * Let cross-origin requests go through Chromium's own CORS preflight. Playwright answers preflights
   * itself while it intercepts requests, so the default (intercepted) page never shows whether a server's
   * CORS answers would let the desk through. Such a page records requests without intercepting them; the
   * resolver rule still keeps it on 127.0.0.1.
   */
  realPreflight?: boolean;
}

/** A Chromium that only reaches 127.0.0.1, recording every request and every page error. */
export interface DeskBrowser {
  browser: Browser;
  /** Loads `url` as a new document (fresh memory: no token), forgetting what the last one recorded. */
  open(url: string, options?: OpenOptions): Promise<Page>;
  /** Every request of the current page that reached the network layer (CORS preflights are not seen). */
  readonly requests: SeenRequest[];
  /**
   * Every `fetch` the page's code called, counted in the page the moment it is called. Read after the page
   * showed the effect of an action, it proves what the desk sent, including nothing, without waiting.
   */
  fetchCalls(): Promise<SeenRequest[]>;
  /** Requests to anything but 127.0.0.1: blocked before they left, and a test failure. */
  readonly blocked: string[];
  /** Uncaught page errors and console errors, but Chromium's "Failed to load resource" lines for HTTP errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Counts every `fetch` the page calls, at the call; injected through DevTools, so the page's CSP allows it. */
function countFetchCalls() {
  const calls: { method: string; url: string }[] = [];
  const original = globalThis.fetch;
  Object.assign(globalThis, { __fetchCalls: calls });
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    calls.push({
      method: (init?.method ?? request?.method ?? "GET").toUpperCase(),
      url: new URL(request?.url ?? String(input), location.href).href,
    });
    return original(input, init);
  };
}

export async function openDeskBrowser(): Promise<DeskBrowser> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...offlineFlags] });
  const requests: SeenRequest[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  const record = (method: string, url: string) => {
    requests.push({ method, url });
    if (!isLocal(url)) blocked.push(url);
  };

  const newPage = async (context: BrowserContext) => {
    await context.addInitScript(countFetchCalls);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
    page.on("console", (message) => {
      // Chromium logs every HTTP error status and failed fetch this way; the desk shows those itself.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        errors.push(`console: ${message.text()}`);
    });
    return page;
  };
  const viewport = { viewport: { width: 1280, height: 900 } };
  const intercepted = await browser.newContext(viewport);
  await intercepted.route("**/*", (route) => {
    const request = route.request();
    record(request.method(), request.url());
    return isLocal(request.url()) ? route.continue() : route.abort("blockedbyclient");
  });
  const direct = await browser.newContext(viewport);
  direct.on("request", (request) => record(request.method(), request.url()));
  const pages = { intercepted: await newPage(intercepted), direct: await newPage(direct) };
  let page = pages.intercepted;

  return {
    browser,
    async open(url, { realPreflight = false } = {}) {
      page = realPreflight ? pages.direct : pages.intercepted;
      // A new document: the desk's memory (its token, its phase) starts empty, as after a reload.
      await page.goto("about:blank");
      requests.length = 0;
      blocked.length = 0;
      errors.length = 0;
      await page.goto(url);
      return page;
    },
    requests,
    fetchCalls: () => page.evaluate(() => (globalThis as unknown as { __fetchCalls: SeenRequest[] }).__fetchCalls),
    blocked,
    errors,
    close: () => browser.close(),
  };
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
