import { serviceAreas } from "virtual:spec-facts";
import {
  type Draft,
  type DraftInput,
  type FieldName,
  fieldNames,
  newReferenceId,
  type OrderMode,
  orderModes,
  readDraft,
} from "../order-draft.ts";
import { byId, el, showMessages } from "./dom.ts";
import { setUpTabs } from "./tabs.ts";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The order form as the desk drives it. */
export interface OrderPanel {
  readonly mode: OrderMode;
  /** Shows every problem (not only those of fields already used) and returns the draft. */
  check(): Draft;
  /** A server's 422: its message under the field it names, until that field changes. */
  flag(field: FieldName, message: string): void;
  /** Locks or unlocks every field (a placed order, an unknown outcome, a sending or confirming order). */
  lock(locked: boolean): void;
  /** Empties the order's own fields for the next order and gives it a fresh reference ID. */
  clearForNext(): void;
  /** Focuses the field, switching to its tab first. */
  focus(field: FieldName): void;
  /** The label a person sees for a field. */
  labelOf(field: FieldName): string;
}

/**
 * Wires the order form: the mode tabs, the fields, and validation as you type. A field shows its problems
 * once it was used (typed in, or left) or after a "Place order", each under the field with
 * `aria-invalid` and `aria-describedby`, in the validator's (the API's) words.
 */
export function setUpOrderPanel(onEdit: () => void): OrderPanel {
  const form = byId<HTMLFormElement>("order-form");
  const controls = Object.fromEntries(fieldNames.map((name) => [name, byId<Control>(name)])) as Record<
    FieldName,
    Control
  >;
  const serviceArea = controls.serviceArea as HTMLSelectElement;
  serviceArea.append(...serviceAreas.map((area) => el("option", { value: String(area) }, area)));
  controls.referenceID.value = newReferenceId();

  const used = new Set<FieldName>();
  let showAll = false;
  let flagged: { field: FieldName; message: string } | undefined;

  const read = (): DraftInput => ({
    mode: tabs.selected as OrderMode,
    numbers: controls.numbers.value,
    quantity: controls.quantity.value,
    reservations: controls.reservations.value,
    packageID: controls.packageID.value,
    serviceArea: controls.serviceArea.value,
    Email: controls.Email.value,
    Notes: controls.Notes.value,
    myRespOrg: (controls.myRespOrg as HTMLInputElement).checked,
    referenceID: controls.referenceID.value,
  });

  const render = (): Draft => {
    const draft = readDraft(read());
    for (const field of fieldNames) {
      const messages = showAll || used.has(field) ? [...(draft.problems[field] ?? [])] : [];
      if (flagged?.field === field) messages.unshift(flagged.message);
      controls[field].setAttribute("aria-invalid", String(messages.length > 0));
      showMessages(byId(`${field}-error`), messages);
    }
    return draft;
  };

  const tabs = setUpTabs(byId("order-modes"), () => render());
  const fieldOfEvent = (event: Event) => {
    const id = (event.target as HTMLElement).id;
    return (fieldNames as readonly string[]).includes(id) ? (id as FieldName) : undefined;
  };
  form.addEventListener("input", (event) => {
    const field = fieldOfEvent(event);
    if (field) used.add(field);
    if (flagged?.field === field) flagged = undefined;
    render();
    onEdit();
  });
  form.addEventListener("focusout", (event) => {
    const field = fieldOfEvent(event);
    if (field && !used.has(field) && controls[field].value !== "") {
      used.add(field);
      render();
    }
  });
  byId("new-reference").addEventListener("click", () => {
    controls.referenceID.value = newReferenceId();
    used.add("referenceID");
    render();
  });
  render();

  const focus = (field: FieldName) => {
    if ((orderModes as readonly string[]).includes(field)) tabs.select(field);
    controls[field].focus();
  };
  return {
    get mode() {
      return tabs.selected as OrderMode;
    },
    check() {
      showAll = true;
      return render();
    },
    flag(field, message) {
      flagged = { field, message };
      render();
    },
    lock(locked) {
      byId<HTMLFieldSetElement>("order-fields").disabled = locked;
    },
    clearForNext() {
      for (const field of [...orderModes, "Notes"] as const) controls[field].value = "";
      controls.referenceID.value = newReferenceId();
      used.clear();
      showAll = false;
      flagged = undefined;
      render();
    },
    focus,
    labelOf: (field) => document.querySelector(`label[for="${field}"]`)?.textContent?.trim() || field,
  };
}
