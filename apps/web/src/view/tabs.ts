/**
 * The order-mode tabs, keyboard-usable as the WAI-ARIA tabs pattern describes: one tab in the tab order
 * (roving tabindex), arrow keys move between tabs and select them, Home and End jump to the ends.
 */
export interface Tabs {
  /** The selected tab's `data-mode`. */
  readonly selected: string;
  select(mode: string): void;
}

/**
 * Wires a `role="tablist"` whose tabs carry `data-mode` and `aria-controls`; `onSelect` runs after every
 * change of tab, by the person or by `select`. The first tab starts selected.
 */
export function setUpTabs(tablist: HTMLElement, onSelect: (mode: string) => void): Tabs {
  const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  let selected = tabs[0]?.dataset.mode ?? "";
  const show = (focus: boolean) => {
    for (const tab of tabs) {
      const on = tab.dataset.mode === selected;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !on;
      if (on && focus) tab.focus();
    }
  };
  const select = (mode: string, focus = false) => {
    const changed = mode !== selected;
    selected = mode;
    show(focus);
    if (changed) onSelect(mode);
  };
  tablist.addEventListener("click", (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('[role="tab"]');
    if (tab?.dataset.mode) select(tab.dataset.mode);
  });
  tablist.addEventListener("keydown", (event) => {
    const at = tabs.findIndex((tab) => tab.dataset.mode === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length]?.dataset.mode ?? selected, true);
  });
  show(false);
  return {
    get selected() {
      return selected;
    },
    select: (mode) => select(mode),
  };
}
