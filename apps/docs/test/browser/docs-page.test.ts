import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { jsonMediaType, operationExamples, resolveRef } from "@tf-orders/spec/reader";
import { type RunningSite, serveSite } from "@tf-orders/web/site";
import type { Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SITE_FILES } from "../../src/site/build-site.js";
import { docsDir, siteDir, workspaceRoot } from "../../src/site/locations.js";
import { type OfflineBrowser, openOfflineBrowser } from "../support/browser.js";
import { loadRedocOptions, sampleLanguages } from "../support/redoc-options.js";
import { type ListedOperation, listedOperation, loadSiteSpec, schemaProperties } from "../support/spec-bundle.js";

const spec = loadSiteSpec();
const purchase = listedOperation(spec, "purchaseTollFreeNumbers");
const login = listedOperation(spec, "authenticate");
const responses = purchase.operation.responses;
const requestExamples = operationExamples(spec, "purchaseTollFreeNumbers").request.map(
  (example) => [example.name, example] as const,
);
const redocOptions = loadRedocOptions();
/** Tabs of the request samples panel, as redocly.yaml's `openapi.codeSamples.languages` lists them. */
const sampleTabs = sampleLanguages(redocOptions);
const screenshotPath = join(docsDir, "test-results", "docs-page.png");

/** JSON as the page's viewer prints it, compared without whitespace (the viewer adds fold buttons). */
const squash = (text: string) => text.replace(/\s+/g, "");

let server: RunningSite;
let browser: OfflineBrowser;

beforeAll(async () => {
  server = await serveSite({ root: siteDir, files: SITE_FILES });
  browser = await openOfflineBrowser();
  await browser.page.goto(server.url);
  await browser.page.getByRole("heading", { level: 1, name: spec.info.title }).waitFor();
});

afterEach(() => {
  // Checked after every step, so the step that caused a stray request or an error is the one that fails.
  expect(browser.blockedRequests, "requests that left 127.0.0.1").toEqual([]);
  expect(browser.errors, "console and page errors").toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openOperation({ tag, summary }: ListedOperation): Promise<Locator> {
  const { page } = browser;
  // A tag is a menu group; a description section may share its name ("Authentication").
  await page.locator(".menu-item-type-group > a").filter({ hasText: tag }).click();
  await page.getByTestId("menu-item-label").filter({ hasText: summary }).click();
  const heading = page.getByRole("heading", { level: 2, name: summary });
  await heading.waitFor();
  return heading;
}

/** Picks a tab of the request samples panel; the choice persists across operations, so set it each time. */
async function chooseSampleLanguage(samples: Locator, language: string): Promise<void> {
  expect(sampleTabs).toContain(language);
  const names = sampleTabs.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  await samples.getByRole("button", { name: new RegExp(`^(${names.join("|")})$`) }).click();
  await browser.page.getByRole("menuitem", { name: language, exact: true }).click();
}

describe("the offline reference", () => {
  it.each([
    ["purchase", purchase],
    ["login", login],
  ])("renders the %s operation with its method and path", async (_name, operation) => {
    const heading = await openOperation(operation);
    await expect(heading.isVisible()).resolves.toBe(true);
    const samples = browser.page.locator(".panel-request-samples");
    await expect(samples.innerText()).resolves.toContain(operation.path);
  });

  it("lists every response code of the purchase", async () => {
    await openOperation(purchase);
    const tabs = browser.page.getByRole("tablist", { name: "Response status" }).getByRole("tab");
    await expect(tabs.allInnerTexts()).resolves.toEqual(Object.keys(responses));
    expect(Object.keys(responses)).toHaveLength(5);
  });

  it.each(requestExamples)("shows the JSON of the request example %s when it is selected", async (_name, example) => {
    await openOperation(purchase);
    const samples = browser.page.locator(".panel-request-samples");
    await chooseSampleLanguage(samples, "Payload");
    await samples.getByRole("button", { name: "Example" }).click();
    await browser.page.getByRole("menuitem", { name: example.summary ?? "" }).click();
    const json = samples.getByTestId("json-viewer");
    await expect(json.innerText().then(squash)).resolves.toBe(squash(JSON.stringify(example.value)));
  });
});

describe("the purchase's request schema", () => {
  interface Variant {
    title: string;
    properties?: Record<string, unknown>;
  }
  const body = resolveRef<{ oneOf: unknown[] }>(spec, jsonMediaType(spec, purchase.operation.requestBody).schema);
  const variants = body.oneOf.map((variant) => resolveRef<Variant>(spec, variant));

  it.each(variants.map((variant) => [variant.title, variant] as const))(
    "lets the reader select the oneOf variant %s",
    async (title, variant) => {
      await openOperation(purchase);
      // The first switcher is the body's own oneOf; a variant may hold a nested one (By reservations).
      const switcher = browser.page.locator('[data-section-id="switcher"]').first();
      await switcher.getByRole("tab").first().waitFor();
      const middle = browser.page.getByTestId("middle-panel").filter({ has: switcher });
      await expect(switcher.getByRole("tab").allInnerTexts()).resolves.toEqual(variants.map((other) => other.title));
      const tab = switcher.getByRole("tab", { name: title, exact: true });
      await tab.click();
      await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
      const ownKeys = Object.keys(variant.properties ?? {}).filter(
        (key) => !variants.every((other) => key in (other.properties ?? {})),
      );
      for (const key of ownKeys) {
        await expect(
          middle.locator(".schema-property-item").filter({ hasText: key }).first().isVisible(),
        ).resolves.toBe(true);
      }
    },
  );
});

describe("the purchase's responses", () => {
  it("reveals the 422 response's schema when 422 is clicked", async () => {
    await openOperation(purchase);
    const unprocessable = resolveRef<{ description?: string } | undefined>(spec, responses["422"]);
    const properties = schemaProperties(spec, jsonMediaType(spec, unprocessable).schema);
    expect(properties.length).toBeGreaterThan(0);
    const middle = browser.page.locator('[id$="/responses"]').locator("..");
    // The description is Markdown: the page shows `error` as code, without the backticks.
    const description = middle.getByText((unprocessable?.description ?? "").replaceAll("`", ""), { exact: true });
    await expect(description.isVisible()).resolves.toBe(false);
    await browser.page.getByRole("tablist", { name: "Response status" }).getByRole("tab", { name: "422" }).click();
    await description.waitFor();
    for (const property of properties) {
      await expect(
        middle.locator(".schema-property-item").filter({ hasText: property }).first().isVisible(),
      ).resolves.toBe(true);
    }
  });

  it.each(
    (operationExamples(spec, "purchaseTollFreeNumbers").responses["402"] ?? []).map(
      (example) => [example.name, example] as const,
    ),
  )("shows the 402 trial-limit text of %s", async (_name, example) => {
    await openOperation(purchase);
    const samples = browser.page.locator(".panel-response-samples");
    await samples.getByRole("button", { name: "402", exact: true }).click();
    await samples.getByRole("button", { name: "Example" }).click();
    await browser.page.getByRole("menuitem", { name: example.summary ?? "" }).click();
    const error = (example.value as { error: string }).error;
    expect(error).toMatch(/trial limit/i);
    await samples.getByText(JSON.stringify(error)).waitFor();
  });
});

describe("the code samples", () => {
  it.each([
    ["curl", "purchase-toll-free-numbers.sh"],
    ["@tf-orders/client", "purchase-toll-free-numbers.ts"],
  ])("shows the %s sample, which is the file spec/code-samples/%s", async (label, file) => {
    await openOperation(purchase);
    const samples = browser.page.locator(".panel-request-samples");
    await chooseSampleLanguage(samples, label);
    const source = await readFile(join(workspaceRoot, "spec", "code-samples", file), "utf8");
    await expect(samples.locator("pre").innerText().then(squash)).resolves.toBe(squash(source));
  });
});

describe("the page as a whole", () => {
  it("was built with telemetry off and the code-sample tabs of redocly.yaml", () => {
    expect(redocOptions.disableTelemetry).toBe(true);
    expect(sampleTabs).toEqual(expect.arrayContaining(["Payload", "curl", "@tf-orders/client"]));
  });

  it("offers each code-sample tab in the samples panel", async () => {
    await openOperation(purchase);
    const samples = browser.page.locator(".panel-request-samples");
    const names = sampleTabs.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
    await samples.getByRole("button", { name: new RegExp(`^(${names.join("|")})$`) }).click();
    await expect(browser.page.getByRole("menuitem").allInnerTexts()).resolves.toEqual(sampleTabs);
    await browser.page.keyboard.press("Escape");
  });

  it("serves the bundled spec next to the page for download", async () => {
    for (const file of ["openapi.yaml", "openapi.json"]) {
      const response = await fetch(new URL(file, server.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(await readFile(join(siteDir, file), "utf8"));
    }
  });

  it("is saved as a full-page screenshot", async () => {
    await openOperation(purchase);
    await chooseSampleLanguage(browser.page.locator(".panel-request-samples"), "Payload");
    await mkdir(join(docsDir, "test-results"), { recursive: true });
    await browser.page.screenshot({ path: screenshotPath, fullPage: true });
    expect((await stat(screenshotPath)).size).toBeGreaterThan(10_000);
  });
});
