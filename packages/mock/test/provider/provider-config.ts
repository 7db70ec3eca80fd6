/** A user's credentials, as the login operation takes them. */
export interface Credentials {
  username: string;
  password: string;
}

/** Provider mode, read from the environment. Secrets stay in memory; nothing here is ever printed. */
export type ProviderConfig =
  | {
      configured: true;
      /** `TF_API_BASE_URL`: the real server, e.g. `https://customer.intelepeer.com`. */
      baseUrl: string;
      /** `TF_API_TOKEN`, else `TF_API_USERNAME` + `TF_API_PASSWORD` (the client logs in). */
      auth: { token: string } | { credentials: Credentials };
      /** `TF_API_USERNAME` + `TF_API_PASSWORD`, for the login case; undefined when only a token is set. */
      login: Credentials | undefined;
      /** `TF_CONTRACT_ALLOW_PURCHASE=1`: run the cases that place real, billed orders. */
      allowPurchase: boolean;
    }
  | { configured: false; reason: string };

/** The variables provider mode reads. */
export const providerVariables = [
  "TF_API_BASE_URL",
  "TF_API_TOKEN",
  "TF_API_USERNAME",
  "TF_API_PASSWORD",
  "TF_CONTRACT_ALLOW_PURCHASE",
] as const;

/**
 * Decides whether provider mode can run: it needs `TF_API_BASE_URL` and either `TF_API_TOKEN` or both
 * `TF_API_USERNAME` and `TF_API_PASSWORD`. The reason names what is missing, never a value.
 */
export function readProviderConfig(env: Record<string, string | undefined>): ProviderConfig {
  const value = (name: (typeof providerVariables)[number]) => {
    const text = env[name]?.trim();
    return text === undefined || text === "" ? undefined : text;
  };
  const baseUrl = value("TF_API_BASE_URL");
  const token = value("TF_API_TOKEN");
  const username = value("TF_API_USERNAME");
  const password = value("TF_API_PASSWORD");
  const login = username !== undefined && password !== undefined ? { username, password } : undefined;

  const missing: string[] = [];
  if (baseUrl === undefined) missing.push("TF_API_BASE_URL");
  if (token === undefined && login === undefined) {
    if (username !== undefined) missing.push("TF_API_PASSWORD");
    else if (password !== undefined) missing.push("TF_API_USERNAME");
    else missing.push("TF_API_TOKEN (or TF_API_USERNAME and TF_API_PASSWORD)");
  }
  if (baseUrl === undefined || missing.length > 0) {
    return { configured: false, reason: `set ${missing.join(" and ")}` };
  }
  if (!/^https?:\/\//.test(baseUrl)) {
    return { configured: false, reason: `TF_API_BASE_URL must be an http(s) URL` };
  }
  return {
    configured: true,
    baseUrl,
    auth: token !== undefined ? { token } : { credentials: login as Credentials },
    login,
    allowPurchase: value("TF_CONTRACT_ALLOW_PURCHASE") === "1",
  };
}
