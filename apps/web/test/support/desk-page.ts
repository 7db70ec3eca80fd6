import { loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";
import type { Page } from "playwright-core";
import type { SeenRequest } from "./desk-browser.ts";

const spec = loadBundledSpec();
const purchase = locateOperation(spec, "purchaseTollFreeNumbers");

/** The purchase's path, from the spec. */
export const purchasePath = purchase.path;

/** The first named example of an operation's response, as the mock answers it. */
export function firstExample<T>(operationId: string, status: string): T {
  const [example] = operationExamples(spec, operationId).responses[status] ?? [];
  if (example === undefined) throw new Error(`${operationId} has no example for ${status}`);
  return example.value as T;
}

/** The order the mock answers a valid purchase with. */
export const acceptedOrder = firstExample<{ orderID: number; batches: { batchID: number }[] }>(
  "purchaseTollFreeNumbers",
  "200",
);

/** The desk's URL with the run's mock as its mock target. */
export const deskUrl = (siteUrl: string, mockUrl: string) => `${siteUrl}?mock=${encodeURIComponent(mockUrl)}`;

/** The purchases among requests. */
export const purchases = (requests: readonly SeenRequest[]) =>
  requests.filter((request) => request.method === "POST" && new URL(request.url).pathname === purchasePath);

/** Signs in with a token, as a person pastes it, and waits for the desk to say so. */
export async function signInWithToken(page: Page, token = "any-token"): Promise<void> {
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** What {@link fillOrder} types: one order mode, and the rest of the order. */
export interface OrderFields {
  numbers?: string;
  quantity?: string;
  reservations?: string;
  packageID?: string;
  serviceArea?: string;
}

/** Fills the order form the way a person does: the mode's tab, its field, then the common fields. */
export async function fillOrder(page: Page, fields: OrderFields = { numbers: "+1 888 222 3456" }): Promise<void> {
  const { packageID = "1234567", serviceArea = "4" } = fields;
  for (const [mode, label] of [
    ["numbers", "Numbers"],
    ["quantity", "Quantity"],
    ["reservations", "Reservations"],
  ] as const) {
    const value = fields[mode];
    if (value === undefined) continue;
    await page.getByRole("tab", { name: `By ${mode}` }).click();
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByLabel("Package ID").fill(packageID);
  await page.getByLabel("Service area").selectOption(serviceArea);
}

/** The text of the messages under a field (its `aria-describedby` error container). */
export async function fieldErrors(page: Page, id: string): Promise<string[]> {
  return page.locator(`#${id}-error p`).allInnerTexts();
}
