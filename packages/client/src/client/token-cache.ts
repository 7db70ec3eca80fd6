/**
 * Caches the token and shares one fetch of it between parallel callers. `renew(used)` starts a new fetch
 * only if `used` is still the current one, so ten requests that all hit an expired token cause one login.
 */
export class TokenCache {
  #pending: Promise<string> | undefined;
  readonly #obtain: () => Promise<string>;

  constructor(obtain: () => Promise<string>) {
    this.#obtain = obtain;
  }

  get(): Promise<string> {
    return (this.#pending ??= this.#start());
  }

  renew(used: Promise<string>): Promise<string> {
    if (this.#pending === used || this.#pending === undefined) this.#pending = this.#start();
    return this.#pending;
  }

  forget(used: Promise<string>): void {
    if (this.#pending === used) this.#pending = undefined;
  }

  #start(): Promise<string> {
    const pending = this.#obtain();
    // A failed login is not cached: the next call tries again.
    pending.catch(() => this.forget(pending));
    return pending;
  }
}
