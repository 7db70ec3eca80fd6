import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { validateOrderRequest } from "@tf-orders/client";
import { loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { readSpecFacts } from "../../build/spec-facts.ts";
import { serveSite } from "../../site.js";
import { type DeskBrowser, openDeskBrowser } from "../support/desk-browser.ts";
import {
  acceptedOrder,
  deskUrl,
  fieldErrors,
  fillOrder,
  firstExample,
  type OrderFields,
  purchases,
  signInWithToken,
} from "../support/desk-page.ts";

const mockUrl = inject("mockUrl");
const spec = loadBundledSpec();
let site: Awaited<ReturnType<typeof serveSite>>;
let desk: DeskBrowser;

beforeAll(async () => {
  site = await serveSite();
  desk = await openDeskBrowser();
});

afterEach(() => {
  // Checked after every test, so the one that caused a stray request or a page error is the one that fails.
  expect(desk.blocked, "requests that left 127.0.0.1").toEqual([]);
  expect(desk.errors, "page errors").toEqual([]);
});

afterAll(async () => {
  await desk?.close();
  await site?.close();
});

/** A fresh desk on the run's mock (a fresh page: nothing signed in). */
const openDesk = () => desk.open(deskUrl(site.url, mockUrl));

/** The purchases the page's code sent, and those Chromium put on the network. */
const sent = async () => ({
  byDesk: purchases(await desk.fetchCalls()).length,
  onNetwork: purchases(desk.requests).length,
});

async function placeOrder(page: Page, fields?: OrderFields) {
  await fillOrder(page, fields);
  await page.getByRole("button", { name: "Place order" }).click();
}

describe("validation as you type", () => {
  it("shows the vendor's message under an invalid field, and Place order sends nothing", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await fillOrder(page, { numbers: "888-222-3456", packageID: "12x" });
    const verdict = validateOrderRequest({
      numbers: [{ countryCode: "1", number: "8882223456" }],
      packageID: "12x",
      serviceArea: 4,
    });
    const message = verdict.ok ? "" : (verdict.errors[0]?.message ?? "");
    expect(message).toBe("The 'packageID' parameter must be formatted as a(n) integer.");
    const packageID = page.getByLabel("Package ID");
    await expect(fieldErrors(page, "packageID")).resolves.toEqual([message]);
    await expect(packageID.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(packageID.getAttribute("aria-describedby")).resolves.toBe("packageID-error");

    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText("Nothing was sent: fix this field first: Package ID.").waitFor();
    await expect(packageID.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    expect(await desk.fetchCalls()).toEqual([]);
    expect(desk.requests.filter((request) => request.url.startsWith(mockUrl))).toEqual([]);
  });

  it("names the line of a pasted list that fails, and clears it once fixed", async () => {
    const page = await openDesk();
    const numbers = page.getByLabel("Numbers", { exact: true });
    await numbers.fill("888-222-3456\nabc\n212-555-0123");
    await expect(fieldErrors(page, "numbers")).resolves.toEqual([
      expect.stringMatching(/^Line 2: 'abc' is not a North American number/),
      "Line 3: '212-555-0123' is not a toll-free number (area code 212).",
    ]);
    await expect(numbers.getAttribute("aria-invalid")).resolves.toBe("true");
    await numbers.fill("888-222-3456\n\n(877) 555-0123");
    await expect(fieldErrors(page, "numbers")).resolves.toEqual([]);
    await expect(numbers.getAttribute("aria-invalid")).resolves.toBe("false");
  });

  it("does not greet a fresh form with errors before its fields are used", async () => {
    const page = await openDesk();
    await expect(page.locator(".field-error p").count()).resolves.toBe(0);
    await expect(page.getByLabel("Reference ID").inputValue()).resolves.toMatch(/^TFD-\d{8}-\d{4}-\w{4}$/);
  });
});

describe("placing orders on the mock", () => {
  it("shows the order ID and its batches after a valid order by numbers", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await placeOrder(page, { numbers: "+1 888 222 3456\n1-888-222-3457" });
    const result = page.getByRole("status").filter({ hasText: "placed" });
    await result.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    expect(acceptedOrder.batches.length).toBe(3);
    await expect(result.getByRole("listitem").allInnerTexts()).resolves.toEqual(
      acceptedOrder.batches.map((batch) => `Batch ${batch.batchID}`),
    );
    await expect(sent()).resolves.toEqual({ byDesk: 1, onNetwork: 1 });
    await expect(page.getByRole("button", { name: "Place order" }).isDisabled()).resolves.toBe(true);
  });

  it.each([
    ["quantity", { quantity: "2" }],
    ["reservations", { reservations: "BD929A2A-7F48-11E6-B908-52540029234D, 0F85813F-7E8B-11E6-B908-52540029234D" }],
  ])("places an order by %s", async (_mode, fields) => {
    const page = await openDesk();
    await signInWithToken(page);
    await placeOrder(page, fields);
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    await expect(sent()).resolves.toEqual({ byDesk: 1, onNetwork: 1 });
  });

  it("passes Chromium's own CORS preflight of the mock, Prefer header included", async () => {
    // Playwright answers preflights itself while it intercepts requests; this page lets Chromium ask Prism.
    const page = await desk.open(deskUrl(site.url, mockUrl), { realPreflight: true });
    await signInWithToken(page);
    const [scenario] = readSpecFacts(spec).mockScenarios.filter((each) => each.status === 402);
    await page.getByLabel("Mock answer").selectOption(`code=402, example=${scenario?.example}`);
    await placeOrder(page);
    await page
      .getByRole("alert")
      .filter({ hasText: scenario?.error ?? "" })
      .waitFor();
    await page.getByLabel("Mock answer").selectOption("");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    await expect(sent()).resolves.toEqual({ byDesk: 2, onNetwork: 2 });
  });

  it("locks an order to a mock that does not answer, saying nothing can have been bought there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const page = await desk.open(deskUrl(site.url, url));
    await signInWithToken(page);
    await placeOrder(page);
    const notice = page.getByRole("alert").filter({ hasText: "Outcome unknown: this order may have been placed" });
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain(
      "This was the mock: nothing can have been bought. If it does not answer, start it with npm run mock.",
    );
    await expect(page.getByRole("button", { name: "Place order" }).isDisabled()).resolves.toBe(true);
  });

  it("places one order on a double click", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await fillOrder(page);
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
    await expect(sent()).resolves.toEqual({ byDesk: 1, onNetwork: 1 });
  });

  it("starts a new order with a fresh reference ID and the order's own fields emptied", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    const reference = await page.getByLabel("Reference ID").inputValue();
    await placeOrder(page);
    await page.getByRole("button", { name: "Start a new order" }).click();
    await expect(page.getByLabel("Numbers", { exact: true }).inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Package ID").inputValue()).resolves.toBe("1234567");
    await expect(page.getByLabel("Reference ID").inputValue()).resolves.not.toBe(reference);
    await expect(page.getByRole("button", { name: "Place order" }).isEnabled()).resolves.toBe(true);
  });
});

describe("each documented error, forced on the mock", () => {
  /** The field each 422 example names, and the order mode that shows it. */
  const fieldLabels: Record<string, [label: string, id: string, tab: string]> = {
    packageID: ["Package ID", "packageID", "By numbers"],
    quantity: ["Quantity", "quantity", "By quantity"],
    Email: ["Email (optional)", "Email", "By numbers"],
    referenceID: ["Reference ID", "referenceID", "By numbers"],
    countryCode: ["Numbers", "numbers", "By numbers"],
    number: ["Numbers", "numbers", "By numbers"],
    serviceArea: ["Service area", "serviceArea", "By numbers"],
  };

  const scenarios = readSpecFacts(spec).mockScenarios;
  const statuses = Object.keys(locateOperation(spec, "purchaseTollFreeNumbers").operation.responses);
  const examplesOf = (status: string) => operationExamples(spec, "purchaseTollFreeNumbers").responses[status] ?? [];

  it("offers every error example of the spec as a mock answer", async () => {
    const page = await openDesk();
    const offered = await page
      .getByLabel("Mock answer")
      .locator("option")
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const documented = statuses
      .filter((status) => Number(status) >= 400)
      .flatMap((status) => examplesOf(status).map((example) => `code=${status}, example=${example.name}`));
    expect(documented.length).toBeGreaterThanOrEqual(12);
    expect(offered).toEqual(["", ...documented]);
  });

  const ofStatus = (status: number) => scenarios.filter((scenario) => scenario.status === status);
  /** Forces the mock's answer, then places the order already in the form. */
  const placeForcing = async (page: Page, scenario: { status: number; example: string }) => {
    await page.getByLabel("Mock answer").selectOption(`code=${scenario.status}, example=${scenario.example}`);
    await page.getByRole("button", { name: "Place order" }).click();
  };

  // Each test walks through every example of its status on one page: a fresh page per example would
  // double the suite's time for no more coverage.
  it("asks to sign in again on each 401, forgets the token, and can place the order after signing in", async () => {
    const page = await openDesk();
    await fillOrder(page);
    for (const [index, scenario] of ofStatus(401).entries()) {
      await signInWithToken(page);
      await placeForcing(page, scenario);
      const alert = page.getByRole("alert").filter({ hasText: "Sign in again: the order was not placed" });
      await alert.waitFor();
      await expect(alert.innerText(), scenario.example).resolves.toContain("Nothing was bought.");
      await page.getByText("The server refused the token: sign in again").waitFor();
      await expect(page.getByLabel("Token", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(sent(), scenario.example).resolves.toEqual({ byDesk: index + 1, onNetwork: index + 1 });
    }
    await signInWithToken(page);
    await page.getByLabel("Mock answer").selectOption("");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();
  });

  it("shows the seats of each 402, and nothing was placed", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await fillOrder(page);
    for (const [index, scenario] of ofStatus(402).entries()) {
      const seats = /(\d+) seats/.exec(scenario.error)?.[1];
      expect(seats, scenario.example).toBeDefined();
      await placeForcing(page, scenario);
      const alert = page.getByRole("alert").filter({ hasText: scenario.error });
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain("Trial limit: the order was not placed");
      expect(text).toContain(`${seats} seats`);
      await expect(sent(), scenario.example).resolves.toEqual({ byDesk: index + 1, onNetwork: index + 1 });
      await expect(page.getByRole("button", { name: "Place order" }).isEnabled()).resolves.toBe(true);
    }
  });

  it("explains a 406", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await fillOrder(page);
    for (const scenario of ofStatus(406)) {
      await placeForcing(page, scenario);
      await page.getByRole("alert").filter({ hasText: "The server cannot answer in JSON (406)" }).waitFor();
    }
  });

  it("highlights the field each 422 names, with its message, and focuses it", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await fillOrder(page, { quantity: "1", numbers: "888-222-3456" });
    for (const scenario of ofStatus(422)) {
      const parameter = /The '(\w+)' parameter/.exec(scenario.error)?.[1] ?? "";
      const [label, id, tab] = fieldLabels[parameter] ?? [];
      expect(label, `a field for '${parameter}' (${scenario.example})`).toBeDefined();
      await page.getByRole("tab", { name: tab }).click();
      await placeForcing(page, scenario);
      await page.getByRole("alert").filter({ hasText: scenario.error }).waitFor();
      const field = page.getByLabel(label ?? "", { exact: true });
      await expect(field.getAttribute("aria-invalid"), scenario.example).resolves.toBe("true");
      await expect(fieldErrors(page, id ?? ""), scenario.example).resolves.toContain(scenario.error);
      await expect(
        field.evaluate((element) => element === document.activeElement),
        scenario.example,
      ).resolves.toBe(true);
    }
    expect(ofStatus(422).length).toBeGreaterThan(1);

    // A 422 about another order mode's field is told in the notice; the order keeps its tab.
    const aboutQuantity = ofStatus(422).find((scenario) => scenario.error.startsWith("The 'quantity' parameter"));
    expect(aboutQuantity).toBeDefined();
    await page.getByRole("tab", { name: "By numbers" }).click();
    await placeForcing(page, { status: 422, example: aboutQuantity?.example ?? "" });
    await page
      .getByRole("alert")
      .filter({ hasText: aboutQuantity?.error ?? "" })
      .waitFor();
    await expect(page.getByRole("tab", { selected: true }).innerText()).resolves.toBe("By numbers");
  });
});

describe("signing in", () => {
  it("logs in with a username and password, keeping neither the password nor the token in the page", async () => {
    const { token } = firstExample<{ token: string }>("authenticate", "200");
    const page = await openDesk();
    await page.getByLabel("A username and password").check();
    await page.getByLabel("Username", { exact: true }).fill("noc@example.com");
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(`Signed in to ${mockUrl} with noc@example.com.`).waitFor();
    await placeOrder(page);
    await page.getByRole("heading", { name: `Order ${acceptedOrder.orderID} placed` }).waitFor();

    const traces = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      values: Array.from(document.querySelectorAll("input"), (input) => input.value).join("\n"),
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
      url: location.href,
    }));
    for (const secret of [token, "correct horse battery staple"]) {
      expect(JSON.stringify(traces)).not.toContain(secret);
    }
    expect(traces.local).toBe("{}");
    expect(traces.session).toBe("{}");
    expect(traces.cookies).toBe("");
  });

  it("forgets the token on Sign out: the next order is refused before anything is sent", async () => {
    const page = await openDesk();
    await signInWithToken(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await placeOrder(page);
    await page.getByText(`Nothing was sent: sign in to ${mockUrl} first.`).waitFor();
    await expect(
      page.getByLabel("Token", { exact: true }).evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
    expect(await desk.fetchCalls()).toEqual([]);
  });

  it("refuses to log in without a password, sending nothing", async () => {
    const page = await openDesk();
    await page.getByLabel("A username and password").check();
    await page.getByLabel("Username", { exact: true }).fill("noc@example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Enter a username and a password." }).waitFor();
    expect(await desk.fetchCalls()).toEqual([]);
  });
});

describe("the page's names", () => {
  it("lets a person or a test find each field by its label alone, and the button by its name", async () => {
    const page = await openDesk();
    const found: Record<string, string[]> = {};
    for (const label of ["Package ID", "Service area", "Quantity", "Numbers", "Reservations", "Reference ID"])
      found[label] = await page.getByLabel(label).evaluateAll((elements) => elements.map((element) => element.id));
    expect(found).toEqual({
      "Package ID": ["packageID"],
      "Service area": ["serviceArea"],
      Quantity: ["quantity"],
      Numbers: ["numbers"],
      Reservations: ["reservations"],
      "Reference ID": ["referenceID"],
    });
    await expect(page.getByRole("button", { name: "Place order" }).count()).resolves.toBe(1);
  });
});

describe("the order-mode tabs", () => {
  it("work from the keyboard: arrows, Home and End select, and one tab is in the tab order", async () => {
    const page = await openDesk();
    const tab = (name: string) => page.getByRole("tab", { name });
    await tab("By numbers").focus();
    const selected = async () => ({
      tab: await page.getByRole("tab", { selected: true }).innerText(),
      focused: await page.evaluate(() => document.activeElement?.textContent?.trim()),
      inTabOrder: await page
        .getByRole("tab")
        .evaluateAll((tabs) =>
          tabs
            .filter((element) => (element as HTMLElement).tabIndex === 0)
            .map((element) => element.textContent?.trim()),
        ),
    });
    await page.keyboard.press("ArrowRight");
    await expect(selected()).resolves.toEqual({
      tab: "By quantity",
      focused: "By quantity",
      inTabOrder: ["By quantity"],
    });
    await expect(page.getByLabel("Quantity", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel("Numbers", { exact: true }).isVisible()).resolves.toBe(false);
    await page.keyboard.press("End");
    await expect(selected()).resolves.toMatchObject({ tab: "By reservations", focused: "By reservations" });
    await page.keyboard.press("ArrowRight");
    await expect(selected()).resolves.toMatchObject({ tab: "By numbers" });
    await page.keyboard.press("ArrowLeft");
    await expect(selected()).resolves.toMatchObject({ tab: "By reservations" });
    await page.keyboard.press("Home");
    await expect(selected()).resolves.toMatchObject({ tab: "By numbers" });
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("numbers");
  });
});
