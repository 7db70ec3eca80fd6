import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestExamples } from "../contract/support/purchase-examples.ts";
import { type FakeProvider, startFakeProvider } from "./fake-provider.ts";
import { type ReportedTest, runProviderSuite } from "./run-provider-suite.ts";

// Provider mode, proven offline: the provider suite runs through `prism proxy` against a local fake API
// that is right in everything but its success body, which lacks the required `batches`.
let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});

const purchaseCases = requestExamples().map(([name]) => name);
const isPurchaseCase = (test: ReportedTest) => purchaseCases.some((name) => test.title.startsWith(`${name} → 200`));
const titles = (tests: ReportedTest[]) => tests.map((test) => test.title).sort();

describe("provider mode against a fake provider whose accepted order breaks the spec", () => {
  it("reports the missing batches on every purchase case, and passes the rest", async () => {
    const run = await runProviderSuite({
      TF_API_BASE_URL: fake.url,
      TF_API_USERNAME: fake.credentials.username,
      TF_API_PASSWORD: fake.credentials.password,
      TF_CONTRACT_ALLOW_PURCHASE: "1",
    });
    expect(run.exitCode, run.output).toBe(1);
    const failed = run.tests.filter((test) => test.status === "failed");
    expect(titles(failed)).toEqual(titles(run.tests.filter(isPurchaseCase)));
    expect(failed).toHaveLength(purchaseCases.length);
    for (const test of failed) {
      expect(test.failureMessages.join("\n")).toMatch(/UnexpectedResponseError \(HTTP 500\)/);
      expect(test.failureMessages.join("\n")).toMatch(
        /spec violation at response\.body: Response body must have required property 'batches'/,
      );
    }
    expect(run.tests.filter((test) => test.status !== "failed").every((test) => test.status === "passed")).toBe(true);
    expect(run.tests.filter((test) => test.status === "passed").length).toBeGreaterThan(0);
    expect(fake.accepted()).toBeGreaterThanOrEqual(purchaseCases.length);
  });

  it("without TF_CONTRACT_ALLOW_PURCHASE places no order and reports the purchase cases as skipped", async () => {
    const before = fake.accepted();
    const run = await runProviderSuite({ TF_API_BASE_URL: fake.url, TF_API_TOKEN: "fake-provider-token" });
    expect(run.exitCode, run.output).toBe(0);
    expect(fake.accepted()).toBe(before);
    const skipped = run.tests.filter((test) => test.status === "skipped");
    expect(skipped.filter(isPurchaseCase)).toHaveLength(purchaseCases.length);
    for (const test of skipped) expect(test.title).toMatch(/TF_CONTRACT_ALLOW_PURCHASE=1|TF_API_USERNAME/);
    expect(run.tests.filter((test) => test.status === "passed").length).toBeGreaterThan(0);
  });

  it("without the variables reports provider mode as not configured, never as passed", async () => {
    const run = await runProviderSuite({});
    expect(run.exitCode, run.output).toBe(0);
    expect(run.tests.map((test) => [test.status, test.title])).toEqual([
      ["skipped", "not configured: set TF_API_BASE_URL and TF_API_TOKEN (or TF_API_USERNAME and TF_API_PASSWORD)"],
    ]);
    expect(run.output).toMatch(/provider contract: not configured/);
  });
});
