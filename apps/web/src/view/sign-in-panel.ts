import { type Session, SignInError } from "../session.ts";
import type { TargetReading } from "../target.ts";
import { byId, showMessages } from "./dom.ts";

/** The sign-in panel as the rest of the desk drives it. */
export interface SignInPanel {
  /** Forgets the token and shows the sign-in form, with `reason` announced when given. */
  signOut(reason?: string): void;
  /** Moves focus to the first field of the sign-in form. */
  focus(): void;
}

/**
 * Wires the sign-in panel to the session: a token, or a username and password that one login turns into a
 * token. The inputs are emptied as soon as they were used, so neither the token nor the password stays
 * in the page; a sign-in in progress ignores further submits.
 */
export function setUpSignInPanel(session: Session, target: () => TargetReading): SignInPanel {
  const form = byId<HTMLFormElement>("sign-in-form");
  const signedIn = byId("signed-in");
  const error = byId("sign-in-error");
  const token = byId<HTMLInputElement>("token");
  const username = byId<HTMLInputElement>("username");
  const password = byId<HTMLInputElement>("password");
  const submit = byId<HTMLButtonElement>("sign-in-button");
  const radios = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="sign-in-with"]'));
  const withPassword = () => radios.find((radio) => radio.checked)?.value === "password";
  let busy = false;

  const render = () => {
    const info = session.info;
    form.hidden = info !== undefined;
    signedIn.hidden = info === undefined;
    if (info) {
      for (const slot of signedIn.querySelectorAll("[data-origin]")) slot.textContent = info.baseUrl;
      for (const slot of signedIn.querySelectorAll("[data-who]")) slot.textContent = info.who;
    }
    for (const field of form.querySelectorAll<HTMLElement>("[data-sign-in-with]"))
      field.hidden = field.dataset.signInWith !== (withPassword() ? "password" : "token");
  };
  const focus = () => (withPassword() ? username : token).focus();

  for (const radio of radios) radio.addEventListener("change", render);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const reading = target();
    if (!reading.ok) {
      showMessages(error, [`Fix the target's URL first: ${reading.problem}`]);
      return;
    }
    busy = true;
    submit.disabled = true;
    showMessages(error, []);
    try {
      if (withPassword()) {
        const typed = password.value;
        password.value = "";
        await session.logIn(reading.target.baseUrl, username.value, typed);
      } else {
        const typed = token.value;
        token.value = "";
        session.useToken(reading.target.baseUrl, typed);
      }
    } catch (failure) {
      showMessages(error, [failure instanceof SignInError ? failure.message : String(failure)]);
      focus();
    } finally {
      busy = false;
      submit.disabled = false;
      render();
    }
    if (session.info) byId("sign-out").focus();
  });
  byId("sign-out").addEventListener("click", () => {
    session.signOut();
    showMessages(error, []);
    render();
    focus();
  });
  render();
  return {
    signOut(reason) {
      const was = session.info !== undefined;
      session.signOut();
      showMessages(error, reason && was ? [reason] : []);
      render();
    },
    focus,
  };
}
