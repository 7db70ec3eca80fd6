import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { findChromium } from "./find-chromium.js";

/** Flags that keep Chromium from calling Google's services, which this closed network refuses. */
const OFFLINE_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A page in a fresh Chromium profile that only reaches 127.0.0.1, recording what it tried otherwise. */
export interface OfflineBrowser {
  page: Page;
  context: BrowserContext;
  /** Every request to a host other than 127.0.0.1 (blocked before it left). */
  blockedRequests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Whether a request stays on this machine's loopback address (or never hits the network at all). */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
}

/** Launches the system Chromium with a throw-away profile, blocking and recording non-local requests. */
export async function openOfflineBrowser(): Promise<OfflineBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "tf-docs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: OFFLINE_FLAGS,
    viewport: { width: 1440, height: 900 },
  });
  const blockedRequests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blockedRequests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return {
    page,
    context,
    blockedRequests,
    errors,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
