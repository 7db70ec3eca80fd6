import type { OrderRequest } from "@tf-orders/client";
import type { Phase, Refusal } from "../placement.ts";
import { type Child, el } from "./dom.ts";

/** How many numbers or reservation IDs a summary lists before it says how many more there are. */
const listedItems = 12;

/** `8882223456` as people write it: `888-222-3456`. */
const dashed = (number: string) => number.replace(/^(\d{3})(\d{3})(\d{4})$/, "$1-$2-$3");

const listed = (items: readonly string[]) =>
  items.length > listedItems
    ? `${items.slice(0, listedItems).join(", ")} and ${items.length - listedItems} more`
    : items.join(", ");

const plural = (count: number, word: string, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;

/**
 * An order as rows of label and value, with the form's labels: what the billed confirmation repeats and what
 * a placed order or an unknown outcome shows. Long lists are cut (with a count), so the dialog stays readable.
 */
export function describeOrder(order: OrderRequest): [label: string, value: string][] {
  const rows: [string, string][] = [];
  if (order.numbers) {
    const numbers = order.numbers.map((item) => `+${item.countryCode} ${dashed(item.number)}`);
    rows.push(["Numbers", `${plural(numbers.length, "number")}: ${listed(numbers)}`]);
  }
  if (order.quantity !== undefined) rows.push(["Quantity", plural(order.quantity, "number")]);
  const reservations = order.reservations ?? order.reservationID;
  if (reservations !== undefined) {
    const ids = typeof reservations === "string" ? [reservations] : reservations;
    rows.push(["Reservations", `${plural(ids.length, "reservation")}: ${listed(ids)}`]);
  }
  rows.push(["Package ID", String(order.packageID)], ["Service area", String(order.serviceArea)]);
  if (order.referenceID !== undefined) rows.push(["Reference ID", order.referenceID]);
  if (order.Email !== undefined) rows.push(["Email", order.Email]);
  if (order.Notes !== undefined) rows.push(["Notes", order.Notes]);
  rows.push(["myRespOrg", order.myRespOrg ? "yes: your own RespOrg" : "no: the carrier's RespOrg"]);
  return rows;
}

/** A `<dl>`'s rows for {@link describeOrder}. */
export function summaryRows(order: OrderRequest): HTMLElement[] {
  return describeOrder(order).flatMap(([label, value]) => [el("dt", {}, label), el("dd", {}, value)]);
}

/** A failure that left nothing bought, as a heading and the sentences under it. */
export function explainRefusal(verdict: Refusal): {
  title: string;
  lines: string[];
} {
  switch (verdict.kind) {
    case "sign-in-again":
      return {
        title: "Sign in again: the order was not placed",
        lines: [
          verdict.reason === "session-expired"
            ? "Your session expired (a token lasts 24 hours)."
            : `The server did not accept the sign-in: ${verdict.message}`,
          "Nothing was bought. Sign in again, then place the order again.",
        ],
      };
    case "trial-limit": {
      const seats = verdict.seats === undefined ? "" : plural(verdict.seats, "seat");
      const why =
        verdict.limit === "trial-limit-exceeded" && seats
          ? `The order asks for more numbers than your trial has left: ${seats} available. Order at most ${seats.replace(/ seats?$/, "")}.`
          : verdict.limit === "trial-limit-realized" && seats
            ? `Your trial account has reached its limit of ${seats}.`
            : "A trial account's limit blocks this order.";
      return { title: "Trial limit: the order was not placed", lines: [why, `The server said: ${verdict.message}`] };
    }
    case "unprocessable":
      return {
        title: "The server refused the order: nothing was bought",
        lines: [verdict.message, "Correct the highlighted field, then place the order again."],
      };
    case "invalid":
      return {
        title: "The order was not sent",
        lines: verdict.issues.map((issue) => `${issue.parameter}: ${issue.message}`),
      };
    case "refused":
      return {
        title:
          verdict.status === 406
            ? "The server cannot answer in JSON (406): nothing was bought"
            : "The server refused the order: nothing was bought",
        lines: [verdict.message],
      };
  }
}

/** What the outcome panel offers for a placed order or an unknown outcome. */
export interface OutcomeActions {
  startNew(): void;
  resendChecked(): void;
}

/**
 * Renders a phase into the result panel: a placed order into the `status` region, a failure or an unknown
 * outcome into the `alert` region, so a screen reader announces each. `onMock` says the attempt went to the
 * mock. Returns the notice to focus, if any.
 */
export function renderOutcome(
  phase: Phase,
  regions: { status: HTMLElement; alert: HTMLElement; empty: HTMLElement },
  actions: OutcomeActions,
  onMock: boolean,
): HTMLElement | undefined {
  let notice: HTMLElement | undefined;
  let region = regions.alert;
  if (phase.kind === "sending") {
    notice = el("p", {}, "Placing the order…");
    region = regions.status;
  } else if (phase.kind === "placed") {
    const { orderID, batches } = phase.result;
    notice = el(
      "div",
      { class: "notice placed", tabindex: "-1" },
      el("h3", {}, `Order ${orderID} placed`),
      el("p", {}, `${plural(batches.length, "batch", "batches")}:`),
      el("ul", {}, ...batches.map((batch) => el("li", {}, `Batch ${batch.batchID}`))),
      el("dl", { class: "summary" }, ...summaryRows(phase.order)),
      el("div", { class: "actions" }, button("Start a new order", actions.startNew)),
    );
    region = regions.status;
  } else if (phase.kind === "unknown") {
    notice = unknownNotice(phase.order, phase.message, actions, onMock);
  } else if (phase.kind === "editing" && phase.refused) {
    const { title, lines } = explainRefusal(phase.refused.verdict);
    notice = el(
      "div",
      { class: "notice refused", tabindex: "-1" },
      el("h3", {}, title),
      ...lines.map((line) => el("p", {}, line)),
    );
  }
  for (const other of [regions.status, regions.alert]) if (other !== region || !notice) other.replaceChildren();
  if (notice) region.replaceChildren(notice);
  regions.empty.hidden = notice !== undefined || regions.empty.dataset.used === "true";
  if (notice) regions.empty.dataset.used = "true";
  return notice?.tabIndex === -1 ? notice : undefined;
}

/**
 * The notice of an order whose outcome is unknown: the reference ID to look for, the advice to check before
 * sending again, and the only way to send the same order again, a deliberate two-step one. The rules are the
 * same on the mock (it is where they are tried out), but the person is told that nothing can have been
 * bought there, and that a mock that does not answer may simply not be running.
 */
function unknownNotice(order: OrderRequest, message: string, actions: OutcomeActions, onMock: boolean): HTMLElement {
  const reference = order.referenceID ?? "(none)";
  const checked = el("input", { type: "checkbox", id: "checked-orders" });
  const resend = button("Send it again with the same reference ID", actions.resendChecked);
  resend.disabled = true;
  checked.addEventListener("change", () => {
    resend.disabled = !checked.checked;
  });
  const children: Child[] = [
    el("h3", {}, "Outcome unknown: this order may have been placed"),
    el("p", {}, "Reference ID: ", el("strong", { class: "mono" }, reference)),
    el(
      "p",
      {},
      `Check your orders before you send this again: look for reference ID ${reference}. `,
      "The desk sent the order once and will not send it again by itself; the form is locked.",
    ),
    el("p", {}, `What happened: ${message}`),
    onMock &&
      el(
        "p",
        {},
        "This was the mock: nothing can have been bought. If it does not answer, start it with npm run mock.",
      ),
    el("dl", { class: "summary" }, ...summaryRows(order)),
    el(
      "p",
      {},
      el("label", { class: "check" }, checked, ` I checked my orders and reference ID ${reference} is not there`),
    ),
    el("div", { class: "actions" }, resend, button("Start a new order", actions.startNew)),
  ];
  return el("div", { class: "notice unknown", tabindex: "-1" }, ...children);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = el("button", { type: "button" }, label);
  element.addEventListener("click", onClick);
  return element;
}

/** One line of the tab's history for a phase that ends an attempt; undefined for the others. */
export function historyLine(phase: Phase, baseUrl: string, at: Date = new Date()): string | undefined {
  const when = at.toLocaleTimeString();
  const where = `on ${baseUrl}`;
  if (phase.kind === "placed") {
    const batches = phase.result.batches.map((batch) => batch.batchID).join(", ");
    return `${when} · ${phase.order.referenceID ?? ""} · order ${phase.result.orderID} placed ${where} (batches ${batches})`;
  }
  if (phase.kind === "unknown")
    return `${when} · ${phase.order.referenceID ?? ""} · OUTCOME UNKNOWN ${where}: check your orders before sending it again`;
  if (phase.kind === "editing" && phase.refused)
    return `${when} · ${phase.refused.order.referenceID ?? ""} · not placed ${where}: ${explainRefusal(phase.refused.verdict).title}`;
  return undefined;
}
