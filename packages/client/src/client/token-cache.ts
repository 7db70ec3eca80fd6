/** A cached token and the one fetch of it that parallel callers share. */
export interface TokenCache {
  /** The current token, fetching it first when there is none (or the last fetch failed). */
  get(): Promise<string>;
  /** The value `pending` resolved to, if it has: such a call need not wait (nor arm a timer) for it. */
  known(pending: Promise<string>): string | undefined;
  /** Drops `used` if it is still current, so the next `get` fetches again. Ten requests that all hit an
   * expired token forget it ten times but cause one fetch: only the first finds it current. */
  forget(used: Promise<string>): void;
}

/**
 * Caches the token `obtain` returns and shares one fetch of it between parallel callers. A failed fetch is
 * not cached: the next call tries again.
 */
export function tokenCache(obtain: () => Promise<string>): TokenCache {
  let pending: Promise<string> | undefined;
  let settled: { from: Promise<string>; token: string } | undefined;
  const forget = (used: Promise<string>) => {
    if (pending === used) pending = undefined;
  };
  return {
    get: () => {
      if (!pending) {
        const started = obtain();
        pending = started;
        started.then(
          (token) => (settled = { from: started, token }),
          () => forget(started),
        );
      }
      return pending;
    },
    known: (from) => (settled?.from === from ? settled.token : undefined),
    forget,
  };
}
