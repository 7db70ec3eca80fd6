import { fieldOf, orderModes } from "./order-draft.ts";
import { createPlacement, type Phase } from "./placement.ts";
import { createSession } from "./session.ts";
import type { Target } from "./target.ts";
import { byId, el, showMessages } from "./view/dom.ts";
import { setUpOrderPanel } from "./view/order-panel.ts";
import { historyLine, renderOutcome, summaryRows } from "./view/outcome-view.ts";
import { setUpSignInPanel } from "./view/sign-in-panel.ts";
import { setUpTargetPanel } from "./view/target-panel.ts";

/** How many lines the tab's history keeps (the oldest go first). */
const historyLength = 100;

/**
 * Puts the desk together on the page: the target, the sign-in, the order form and the placement rules,
 * and shows every phase of an order (the billed confirmation, sending, the result).
 */
export function startDesk(): void {
  const session = createSession();
  const target = setUpTargetPanel((reading) => {
    const info = session.info;
    if (info && !(reading.ok && reading.target.baseUrl === info.baseUrl))
      signIn.signOut(`Signed out: the target changed, and the token belongs to ${info.baseUrl}.`);
  });
  const signIn = setUpSignInPanel(session, () => target.reading);
  const status = byId("order-status");
  /** The line next to "Place order": why nothing was sent (an error), or why the form is locked (a note). */
  const tell = (tone: "error" | "note", messages: string[]) => {
    status.dataset.tone = tone;
    showMessages(status, messages);
  };
  const order = setUpOrderPanel(() => {
    if (placement.phase.kind === "editing") tell("error", []);
  });
  const placeButton = byId<HTMLButtonElement>("place-order");
  const dialog = byId<HTMLDialogElement>("confirm-dialog");

  // The target and the mock answer of the attempt in progress, fixed when "Place order" is pressed: a resend
  // after an unknown outcome goes where the first attempt went.
  let attempt: { target: Target; prefer: string | undefined } | undefined;

  const placement = createPlacement({
    buy: (request) => {
      if (attempt === undefined) throw new Error("no target for this attempt");
      return session.purchase(attempt.target.baseUrl, request, { prefer: attempt.prefer });
    },
    billed: () => attempt?.target.kind === "billed",
    onChange: (phase) => show(phase),
  });

  const show = (phase: Phase) => {
    const busy = phase.kind === "sending" || phase.kind === "confirming";
    order.lock(phase.kind !== "editing");
    placeButton.disabled = phase.kind !== "editing";
    placeButton.textContent = phase.kind === "sending" ? "Placing order…" : "Place order";
    byId("order-form").setAttribute("aria-busy", String(busy));
    tell("note", lockedBecause(phase));

    if (phase.kind === "confirming") {
      for (const slot of dialog.querySelectorAll("[data-origin]")) slot.textContent = attempt?.target.baseUrl ?? "";
      byId("confirm-summary").replaceChildren(...summaryRows(phase.order));
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();

    const notice = renderOutcome(
      phase,
      { status: byId("outcome-status"), alert: byId("outcome-alert"), empty: byId("outcome-empty") },
      {
        startNew: () => {
          placement.startNew();
          order.clearForNext();
          order.focus(order.mode);
        },
        resendChecked: () => void placement.resendChecked(),
      },
      attempt?.target.kind === "mock",
    );
    const line = attempt && historyLine(phase, attempt.target.baseUrl);
    if (line) {
      const history = byId("history");
      history.prepend(el("li", {}, line));
      while (history.children.length > historyLength) history.lastElementChild?.remove();
    }

    const refusal = phase.kind === "editing" ? phase.refused?.verdict : undefined;
    if (refusal?.kind === "sign-in-again") {
      signIn.signOut("The server refused the token: sign in again, then place the order again.");
      signIn.focus();
    } else if (refusal?.kind === "unprocessable") {
      const field = fieldOf(refusal.parameter ?? "", order.mode);
      // A field of another order mode stays in the notice: switching tabs would change the order's mode.
      if (field && (field === order.mode || !(orderModes as readonly string[]).includes(field))) {
        order.flag(field, refusal.message);
        order.focus(field);
      } else notice?.focus();
    } else notice?.focus();
  };

  byId<HTMLFormElement>("order-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (placement.phase.kind !== "editing") return;
    const reading = target.reading;
    if (!reading.ok) {
      tell("error", [`Nothing was sent: fix the target's URL first. ${reading.problem}`]);
      return;
    }
    const draft = order.check();
    if (draft.order === undefined) {
      const fields = Object.keys(draft.problems) as (keyof typeof draft.problems)[];
      tell("error", [
        `Nothing was sent: fix ${fields.length === 1 ? "this field" : `these ${fields.length} fields`} first: ${fields.map(order.labelOf).join(", ")}.`,
      ]);
      if (fields[0]) order.focus(fields[0]);
      return;
    }
    if (session.info?.baseUrl !== reading.target.baseUrl) {
      tell("error", [`Nothing was sent: sign in to ${reading.target.baseUrl} first.`]);
      signIn.focus();
      return;
    }
    attempt = { target: reading.target, prefer: target.prefer };
    void placement.request(draft.order);
  });

  byId("confirm-place").addEventListener("click", () => void placement.confirm());
  byId("confirm-cancel").addEventListener("click", () => placement.cancel());
  // Escape closes the dialog without a click: that is a "no" too.
  dialog.addEventListener("close", () => placement.cancel());

  // Leaving the page while an order is in flight, or before its unknown outcome was checked, loses the only
  // record of it here: the browser asks first.
  addEventListener("beforeunload", (event) => {
    if (placement.phase.kind === "sending" || placement.phase.kind === "unknown") event.preventDefault();
  });
}

/** Why "Place order" does nothing now, for the line next to it. */
function lockedBecause(phase: Phase): string[] {
  if (phase.kind === "placed") return ["This order was placed. Start a new order (under Result) to place another."];
  if (phase.kind === "unknown")
    return ["The form is locked: this order's outcome is unknown. Check your orders first (see Result)."];
  return [];
}
