import { fakeApi, json } from "./fake-api.js";
import { operation, responseExamples } from "./spec.js";

const example = (name: string) => responseExamples("purchaseTollFreeNumbers").find(([, found]) => found === name)![2];
const loginPath = operation("authenticate").path;
const purchasePath = operation("purchaseTollFreeNumbers").path;

/**
 * A fake API that issues numbered tokens on login, accepts purchases with a live token, and answers the
 * spec's `sessionExpired` / `unauthorized` examples otherwise. `expireAll()` ages every issued token.
 */
export function authServer(options: { password?: string } = {}) {
  const live = new Set<string>();
  const expired = new Set<string>();
  let issued = 0;
  const api = fakeApi(({ url, headers, body }) => {
    const path = new URL(url).pathname;
    if (path === loginPath) {
      const { password } = body as { password: string };
      if (options.password !== undefined && password !== options.password) return json(401, example("unauthorized"));
      const token = `token-${++issued}`;
      live.add(token);
      return json(200, { token });
    }
    if (path !== purchasePath) return json(404, { code: 404, error: "Not Found" });
    const token = headers.get("authorization") ?? "";
    if (expired.has(token)) return json(401, example("sessionExpired"));
    if (!live.has(token)) return json(401, example("unauthorized"));
    return json(200, example("orderAccepted"));
  });
  return {
    api,
    fetch: api.fetch,
    logins: () => api.callsTo(loginPath).length,
    purchases: () => api.callsTo(purchasePath),
    issue(token: string) {
      live.add(token);
    },
    expireAll() {
      for (const token of live) expired.add(token);
      live.clear();
    },
  };
}
