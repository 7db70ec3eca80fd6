/** A cached token and the one fetch of it that parallel callers share. */
export interface TokenCache {
  /** The current token, fetching it first when there is none (or the last fetch failed). */
  get(): Promise<string>;
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
  const forget = (used: Promise<string>) => {
    if (pending === used) pending = undefined;
  };
  return {
    get: () => {
      if (!pending) {
        const started = (pending = obtain());
        started.catch(() => forget(started));
      }
      return pending;
    },
    forget,
  };
}
