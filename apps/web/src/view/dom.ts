/**
 * Building the page's dynamic parts safely: every text goes in as text (never HTML), because much of what the
 * desk shows comes from a server it does not trust (error messages) or from what a person pasted.
 */

/** A child of {@link el}: a node, text, or nothing (skipped). */
export type Child = Node | string | number | false | null | undefined;

/**
 * Creates an element with attributes and children. `false`/`null`/`undefined` attributes are left out,
 * `true` ones are set empty.
 *
 * @example
 * ```ts
 * el("p", { class: "hint" }, "Order ", el("strong", {}, 287225), " placed");
 * ```
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== false && child !== null && child !== undefined)
      element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

/** The element with this id, typed; throws when the page lacks it (a renamed id fails loudly). */
export function byId<T extends HTMLElement = HTMLElement>(id: string, root: Document = document): T {
  const found = root.getElementById(id);
  if (found === null) throw new Error(`The page has no element #${id}`);
  return found as T;
}

/** Replaces a container's content with one paragraph per message (none: emptied). */
export function showMessages(container: HTMLElement, messages: readonly string[]): void {
  const current = Array.from(container.children, (child) => child.textContent ?? "");
  // Unchanged messages are left alone, so a live region does not announce them again at every keystroke.
  if (current.length === messages.length && current.every((text, index) => text === messages[index])) return;
  container.replaceChildren(...messages.map((message) => el("p", {}, message)));
}
