import { loadBundledSpec, locateOperation } from "@tf-orders/spec/reader";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { serveSite } from "../../site.js";
import { axeViolations, type DeskBrowser, type OpenOptions, openDeskBrowser } from "../support/desk-browser.ts";
import {
  acceptedOrder,
  deskUrl,
  fieldErrors,
  fillOrder,
  purchasePath,
  purchases,
  signInWithToken,
} from "../support/desk-page.ts";
import { type FakeApi, startFakeApi } from "../support/fake-api.ts";

const mockUrl = inject("mockUrl");
let site: Awaited<ReturnType<typeof serveSite>>;
let desk: DeskBrowser;
let api: FakeApi;

beforeAll(async () => {
  [site, desk, api] = await Promise.all([serveSite(), openDeskBrowser(), startFakeApi()]);
});

beforeEach(() => api.reset());

afterEach(() => {
  expect(desk.blocked, "requests that left 127.0.0.1").toEqual([]);
  expect(desk.errors, "page errors").toEqual([]);
});

afterAll(async () => {
  await desk?.close();
  await Promise.all([site?.close(), api?.close()]);
});

const openDesk = () => desk.open(deskUrl(site.url, mockUrl));
const dialog = (page: Page) => page.getByRole("dialog", { name: "Place a billed order?" });
const placeOrderButton = (page: Page) => page.getByRole("button", { name: "Place order" });
const desksPurchases = async () => purchases(await desk.fetchCalls()).length;

/**
 * Points the desk at the fake "real" server and signs in there. With `realPreflight`, Chromium's own CORS
 * preflight reaches the server (no interception), as it would with a real API.
 */
async function openBilled(options: OpenOptions = {}, token = "a-real-looking-token"): Promise<Page> {
  const page = await desk.open(deskUrl(site.url, mockUrl), options);
  await page.getByLabel("Another server").check();
  await page.getByLabel("Server URL").fill(api.url);
  await page.getByLabel("Server URL").press("Tab");
  await signInWithToken(page, token);
  return page;
}

describe("the mock's CORS answers", () => {
  const spec = loadBundledSpec();
  it.each([
    ["purchase", purchasePath, "authorization,content-type,prefer"],
    ["login", locateOperation(spec, "authenticate").path, "content-type"],
  ])("let a page of another origin send the %s's headers", async (_name, path, headers) => {
    const origin = new URL(site.url).origin;
    const preflight = await fetch(new URL(path, mockUrl), {
      method: "OPTIONS",
      headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": headers },
    });
    expect(preflight.ok).toBe(true);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-methods")?.split(",")).toContain("POST");
    // A wildcard would not cover Authorization: each header must be named.
    const allowed = preflight.headers
      .get("access-control-allow-headers")
      ?.toLowerCase()
      .split(/\s*,\s*/);
    for (const header of headers.split(",")) expect(allowed).toContain(header);
  });
});

describe("a billed target", () => {
  it("says real orders are billed, and sends nothing until the person confirms the order's summary", async () => {
    const page = await openBilled();
    await expect(page.locator("#target-badge").innerText()).resolves.toBe(`Target: ${api.url}, real orders are billed`);
    await expect(page.getByText("Real orders are billed.").isVisible()).resolves.toBe(true);
    await expect(page.getByLabel("Mock answer").isVisible()).resolves.toBe(false);
    await fillOrder(page, { numbers: "888-222-3456\n1 (888) 222-3457" });
    const reference = await page.getByLabel("Reference ID").inputValue();

    await placeOrderButton(page).click();
    await dialog(page).waitFor();
    await expect(dialog(page).innerText()).resolves.toContain(api.url);
    const summary = await dialog(page)
      .locator("dt")
      .evaluateAll((terms) => terms.map((term) => [term.textContent, term.nextElementSibling?.textContent]));
    expect(summary).toEqual([
      ["Numbers", "2 numbers: +1 888-222-3456, +1 888-222-3457"],
      ["Package ID", "1234567"],
      ["Service area", "4"],
      ["Reference ID", reference],
      ["myRespOrg", "no: the carrier's RespOrg"],
    ]);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog(page).isVisible()).resolves.toBe(false);

    await placeOrderButton(page).click();
    await dialog(page).waitFor();
    await page.keyboard.press("Escape");
    await expect(dialog(page).isVisible()).resolves.toBe(false);
    await expect(placeOrderButton(page).isEnabled()).resolves.toBe(true);
    expect(await desksPurchases()).toBe(0);
    expect(api.purchases).toEqual([]);
  });

  it("places one order when the confirmation is double-clicked, without the mock's Prefer header", async () => {
    const page = await openDesk();
    // A mock answer chosen on the mock must never reach a billed server.
    await page.getByLabel("Mock answer").selectOption({ index: 1 });
    await page.getByLabel("Another server").check();
    await page.getByLabel("Server URL").fill(api.url);
    await page.getByLabel("Server URL").press("Tab");
    await signInWithToken(page, "a-real-looking-token");
    await fillOrder(page);
    await placeOrderButton(page).click();
    await page.getByRole("button", { name: "Place billed order" }).dblclick();
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    expect(await desksPurchases()).toBe(1);
    expect(api.purchases).toHaveLength(1);
    expect(api.purchases[0]?.headers.prefer).toBeUndefined();
    expect(api.purchases[0]?.headers.authorization).toBe("a-real-looking-token");
    expect(JSON.parse(api.purchases[0]?.body ?? "")).toMatchObject({ packageID: 1234567, serviceArea: 4 });
  });

  it("signs out when the target changes, so a token is never sent to another server", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await page.getByLabel("Another server").check();
    await page.getByText(`Signed out: the target changed, and the token belongs to ${mockUrl}.`).waitFor();
    await expect(page.getByLabel("Token", { exact: true }).isVisible()).resolves.toBe(true);
  });

  it("says a login was refused, and keeps no password", async () => {
    const page = await openDesk();
    await page.getByLabel("Another server").check();
    await page.getByLabel("Server URL").fill(api.url);
    await page.getByLabel("A username and password").check();
    await page.getByLabel("Username", { exact: true }).fill("noc@example.com");
    await page.getByLabel("Password", { exact: true }).fill("wrong horse");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "The server refused this username and password." }).waitFor();
    await expect(page.getByLabel("Password", { exact: true }).inputValue()).resolves.toBe("");
    await expect(page.content()).resolves.not.toContain("wrong horse");
  });
});

describe("an order whose outcome is unknown", () => {
  it("gets a prominent notice with its reference ID, and the form cannot send it again by accident", async () => {
    api.behaviour = "drop";
    const page = await openBilled({ realPreflight: true });
    await fillOrder(page);
    const reference = await page.getByLabel("Reference ID").inputValue();
    await placeOrderButton(page).click();
    await page.getByRole("button", { name: "Place billed order" }).click();

    const notice = page.getByRole("alert").filter({ hasText: "Outcome unknown: this order may have been placed" });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain(`Reference ID: ${reference}`);
    expect(text).toContain(`Check your orders before you send this again: look for reference ID ${reference}.`);
    expect(text).not.toContain("This was the mock");
    expect(api.purchases).toHaveLength(1);
    expect(await desksPurchases()).toBe(1);

    // Locked: the button, the fields, and the form's submit itself (Enter, or a script) send nothing.
    await expect(placeOrderButton(page).isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel("Numbers", { exact: true }).isDisabled()).resolves.toBe(true);
    await page.evaluate(() => (document.getElementById("order-form") as HTMLFormElement).requestSubmit());
    await expect(dialog(page).isVisible()).resolves.toBe(false);
    expect(await desksPurchases()).toBe(1);

    // Leaving the page would lose the only record of the order here: the browser asks first.
    const leaving = new Promise<string>((resolve) =>
      page.once("dialog", (question) => {
        resolve(question.type());
        void question.dismiss();
      }),
    );
    await page.evaluate(() => location.reload());
    await expect(leaving).resolves.toBe("beforeunload");
    await expect(notice.isVisible()).resolves.toBe(true);

    // Sending it again is a deliberate act: tick that the orders were checked, then confirm once more.
    const resend = page.getByRole("button", { name: "Send it again with the same reference ID" });
    await expect(resend.isDisabled()).resolves.toBe(true);
    await page.getByLabel(`I checked my orders and reference ID ${reference} is not there`).check();
    api.behaviour = "accept";
    await resend.click();
    await page.getByRole("button", { name: "Place billed order" }).click();
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    expect(api.purchases).toHaveLength(2);
    expect(api.purchases[1]?.body).toBe(api.purchases[0]?.body);
    expect(JSON.parse(api.purchases[1]?.body ?? "").referenceID).toBe(reference);
  });

  it("keeps a dropped order locked after Start a new order only for the next one: a fresh reference", async () => {
    api.behaviour = "drop";
    const page = await openBilled();
    await fillOrder(page);
    const reference = await page.getByLabel("Reference ID").inputValue();
    await placeOrderButton(page).click();
    await page.getByRole("button", { name: "Place billed order" }).click();
    await page.getByRole("alert").filter({ hasText: "Outcome unknown" }).waitFor();
    await page.getByRole("button", { name: "Start a new order" }).click();
    await expect(page.getByLabel("Numbers", { exact: true }).inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Reference ID").inputValue()).resolves.not.toBe(reference);
    await expect(page.getByRole("listitem").filter({ hasText: reference }).innerText()).resolves.toContain(
      "OUTCOME UNKNOWN",
    );
    expect(api.purchases).toHaveLength(1);
  });

  it("documents Chromium's own resend: a dropped reused connection makes the browser send the order twice", async () => {
    // Chromium retries a request, POST included, when a kept-alive connection fails before any answer
    // (it cannot tell a server that crashed from one that closed an idle connection). The desk sent once;
    // the README warns that only the reference ID can tell such a duplicate apart.
    api.behaviour = "drop-reused";
    const page = await openBilled({ realPreflight: true });
    await fillOrder(page);
    await placeOrderButton(page).click();
    await page.getByRole("button", { name: "Place billed order" }).click();
    await page.getByRole("alert").filter({ hasText: "Outcome unknown" }).waitFor();
    expect(await desksPurchases()).toBe(1);
    expect(api.purchases).toHaveLength(2);
    expect(api.purchases[1]?.body).toBe(api.purchases[0]?.body);
  });
});

describe("the test's own net", () => {
  it.each([false, true])("blocks and reports a request to another host (real preflight: %s)", async (realPreflight) => {
    const page = await desk.open(deskUrl(site.url, mockUrl), { realPreflight });
    const outcome = await page.evaluate(() =>
      fetch("http://example.com/").then(
        () => "reached",
        () => "failed",
      ),
    );
    expect(outcome).toBe("failed");
    expect(desk.blocked).toEqual(["http://example.com/"]);
    desk.blocked.length = 0;
  });
});

describe("the page as a whole", () => {
  it("has no accessibility violation in any state a person meets (axe-core: none at all, serious or not)", async () => {
    const found: Record<string, Awaited<ReturnType<typeof axeViolations>>> = {};
    const page = await openDesk();
    found.fresh = await axeViolations(page);
    await page.getByLabel("Package ID").fill("12x");
    await page.getByLabel("Numbers", { exact: true }).fill("abc");
    await placeOrderButton(page).click();
    await expect(fieldErrors(page, "packageID")).resolves.toHaveLength(1);
    found.invalid = await axeViolations(page);

    api.behaviour = "drop";
    await page.getByLabel("Another server").check();
    await page.getByLabel("Server URL").fill(api.url);
    await page.getByLabel("Server URL").press("Tab");
    await signInWithToken(page);
    await fillOrder(page);
    await placeOrderButton(page).click();
    await dialog(page).waitFor();
    found.confirming = await axeViolations(page);
    await page.getByRole("button", { name: "Place billed order" }).click();
    await page.getByRole("alert").filter({ hasText: "Outcome unknown" }).waitFor();
    found.unknown = await axeViolations(page);

    await page.getByRole("button", { name: "Start a new order" }).click();
    api.behaviour = "accept";
    await fillOrder(page);
    await placeOrderButton(page).click();
    await page.getByRole("button", { name: "Place billed order" }).click();
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    found.placed = await axeViolations(page);
    expect(found).toEqual({ fresh: [], invalid: [], confirming: [], unknown: [], placed: [] });
  });

  it("ships a Content-Security-Policy and loads nothing but its own files", async () => {
    const page = await openDesk();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    const origins = new Set(desk.requests.map((request) => new URL(request.url).origin));
    expect([...origins]).toEqual([new URL(site.url).origin]);
    expect(desk.requests.every((request) => request.method === "GET")).toBe(true);
  });
});
