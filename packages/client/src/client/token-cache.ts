/** A cached token and the one fetch of it that parallel callers share. */
export interface TokenCache {
  get(): Promise<string>;
  /** Starts a new fetch only if `used` is still the current one, so ten requests that all hit an expired
   * token cause one login; returns the fetch to use now. */
  renew(used: Promise<string>): Promise<string>;
  /** Drops `used` if it is still current, so the next call fetches again. */
  forget(used: Promise<string>): void;
}

/**
 * Caches the token `obtain` returns and shares one fetch of it between parallel callers. A failed fetch is
 * not cached: the next call tries again.
 */
export function tokenCache(obtain: () => Promise<string>): TokenCache {
  let pending: Promise<string> | undefined;
  const start = (): Promise<string> => {
    const started = obtain();
    started.catch(() => cache.forget(started));
    return (pending = started);
  };
  const cache: TokenCache = {
    get: () => pending ?? start(),
    renew: (used) => (pending === used || !pending ? start() : pending),
    forget: (used) => {
      if (pending === used) pending = undefined;
    },
  };
  return cache;
}
