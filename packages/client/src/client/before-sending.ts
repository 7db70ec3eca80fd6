import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";

/**
 * Waits for what a call needs before it can send anything (its token: a `getToken()` or a login), but no
 * longer than the call's `timeoutMs` and only until its signal aborts. Nothing has been sent yet, so
 * neither failure leaves an outcome unknown. The wait itself is shared: giving up here does not cancel a
 * login other calls are waiting for.
 */
export function beforeSending<T>(pending: Promise<T>, signal: AbortSignal | undefined, timeoutMs: number): Promise<T> {
  const abort = () => abortedBeforeSending(signal!);
  if (signal?.aborted) return Promise.reject(abort());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const givenUp = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TimeoutError(`Getting a token took longer than ${timeoutMs} ms; nothing was sent.`, "timeout", {
            outcomeUnknown: false,
          }),
        ),
      timeoutMs,
    );
    if (signal) {
      onAbort = () => reject(abort());
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
  return Promise.race([pending, givenUp]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  });
}

/** The error for a call its caller aborted before anything was sent: the outcome is known. */
export function abortedBeforeSending(signal: AbortSignal): ConnectionError {
  return new ConnectionError("The call was aborted by the caller before anything was sent.", "connection", {
    cause: signal.reason,
    outcomeUnknown: false,
  });
}
