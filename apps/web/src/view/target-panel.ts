import { mockScenarios } from "virtual:spec-facts";
import { defaultServerUrl, initialMockUrl, readTarget, type TargetChoice, type TargetReading } from "../target.ts";
import { byId, el, showMessages } from "./dom.ts";

/** The target panel as the rest of the desk reads it. */
export interface TargetPanel {
  /** The target as typed now (a URL being typed may be invalid). */
  readonly reading: TargetReading;
  /** The `Prefer` header of the chosen mock answer; undefined for the normal answer or a billed target. */
  readonly prefer: string | undefined;
}

/** The `Prefer` value that makes Prism answer a named example. */
const preferOf = (status: number, example: string) => `code=${status}, example=${example}`;

/**
 * Wires the target panel: mock or another server, their URLs, the billed notice and badge, and the mock
 * answer control (one option per documented error example of the spec). `onCommit` runs when the person
 * settles on a target (a radio, or a URL field they leave), so the desk can forget a token meant elsewhere.
 */
export function setUpTargetPanel(onCommit: (reading: TargetReading) => void): TargetPanel {
  const mockUrl = byId<HTMLInputElement>("mock-url");
  const serverUrl = byId<HTMLInputElement>("server-url");
  const scenario = byId<HTMLSelectElement>("scenario");
  const radios = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="target"]'));
  mockUrl.value = initialMockUrl(location.search);
  serverUrl.value = defaultServerUrl;
  scenario.append(
    ...mockScenarios.map(({ status, example, summary, error }) =>
      el("option", { value: preferOf(status, example) }, `${status} · ${summary}: “${error}”`),
    ),
  );

  const choice = (): TargetChoice => (radios.find((radio) => radio.checked)?.value === "server" ? "server" : "mock");
  const read = (): TargetReading => readTarget(choice(), choice() === "mock" ? mockUrl.value : serverUrl.value);

  const render = () => {
    const chosen = choice();
    const reading = read();
    byId("mock-url-field").hidden = chosen !== "mock";
    byId("server-url-field").hidden = chosen !== "server";
    byId("scenario-field").hidden = chosen !== "mock";
    const input = chosen === "mock" ? mockUrl : serverUrl;
    input.setAttribute("aria-invalid", String(!reading.ok));
    showMessages(byId(`${input.id}-error`), reading.ok ? [] : [reading.problem]);
    showMessages(byId(`${chosen === "mock" ? serverUrl.id : mockUrl.id}-error`), []);
    const billed = reading.ok && reading.target.kind === "billed";
    byId("billed-notice").hidden = !billed;
    for (const origin of document.querySelectorAll("#billed-notice [data-origin]"))
      origin.textContent = reading.ok ? reading.target.baseUrl : "";
    const badge = byId("target-badge");
    badge.dataset.kind = billed ? "billed" : "mock";
    badge.textContent = !reading.ok
      ? "Target: not set, fix its URL"
      : billed
        ? `Target: ${reading.target.baseUrl}, real orders are billed`
        : `Target: the local mock at ${reading.target.baseUrl}, nothing is bought`;
  };

  for (const radio of radios)
    radio.addEventListener("change", () => {
      render();
      onCommit(read());
    });
  for (const input of [mockUrl, serverUrl]) {
    input.addEventListener("input", render);
    input.addEventListener("change", () => onCommit(read()));
  }
  render();
  return {
    get reading() {
      return read();
    },
    get prefer() {
      const reading = read();
      return reading.ok && reading.target.kind === "mock" && scenario.value ? scenario.value : undefined;
    },
  };
}
