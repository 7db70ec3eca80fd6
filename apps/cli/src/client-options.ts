import type { createTollFreeClient } from "@tf-orders/client";
import type { ConnectionSettings } from "./args/read-connection-settings.js";
import type { Auth } from "./auth/resolve-auth.js";
import { cliVersion } from "./version.js";

/**
 * The options the CLI creates its client with. Credentials go to the client and nowhere else; the
 * client sends them only to the target's host.
 */
export function clientOptions(settings: ConnectionSettings, auth: Auth): Parameters<typeof createTollFreeClient>[0] {
  return {
    baseUrl: settings.target.baseUrl,
    ...(auth.kind === "token"
      ? { token: auth.token }
      : { credentials: { username: auth.username, password: auth.password } }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    headers: { ...settings.headers },
    userAgent: `tf-orders-cli/${cliVersion()}`,
  };
}
