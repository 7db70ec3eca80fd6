import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findChromium, isLocal, offlineFlags } from "@tf-orders/web/browser";
import { type BrowserContext, chromium, type Page } from "playwright-core";

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

/** Launches the system Chromium with a throw-away profile, blocking and recording non-local requests. */
export async function openOfflineBrowser(): Promise<OfflineBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "tf-docs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: [...offlineFlags],
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
