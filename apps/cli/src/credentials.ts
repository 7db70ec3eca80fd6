// Which credentials to send (from the environment only), and what to tell someone whose credentials were refused.
import type { AuthenticationError } from "@tf-orders/client";
import { CliError, ExitCode } from "./errors.js";
import type { Target } from "./target.js";

/**
 * How to authenticate. `placeholder` is used only against the mock, which checks that an
 * `Authorization` header is present and nothing more; it is never sent to any other host.
 */
export type Auth =
  | { readonly kind: "token"; readonly token: string; readonly placeholder: boolean }
  | {
      readonly kind: "credentials";
      readonly username: string;
      readonly password: string;
      readonly placeholder: boolean;
    };

/** The token sent to the mock when no credentials are set. Not a secret. */
export const MOCK_PLACEHOLDER_TOKEN = "tf-orders-mock-placeholder-token";

/** The user and password sent to the mock's login when no credentials are set. Not secrets. */
export const MOCK_PLACEHOLDER_CREDENTIALS = { username: "tf-orders-mock", password: "tf-orders-mock" } as const;

/** The environment variables that carry credentials. */
export const CREDENTIAL_ENV = {
  token: "TF_API_TOKEN",
  username: "TF_API_USERNAME",
  password: "TF_API_PASSWORD",
} as const;

/**
 * Picks credentials from the environment: `TF_API_TOKEN`, else `TF_API_USERNAME` with
 * `TF_API_PASSWORD`. With `prefer: 'credentials'` (the login check) only the user and password count,
 * since a bare token cannot be checked without placing an order.
 *
 * @throws CliError with exit code 3 when a real host gets no usable credentials.
 */
export function resolveAuth(
  env: Readonly<Record<string, string | undefined>>,
  target: Target,
  prefer: "token" | "credentials" = "token",
): Auth {
  // Trimmed: a token read from a file often ends in a line break, which a header cannot carry.
  const token = nonEmpty(env[CREDENTIAL_ENV.token]?.trim());
  const username = nonEmpty(env[CREDENTIAL_ENV.username]);
  const password = nonEmpty(env[CREDENTIAL_ENV.password]);

  if (prefer === "token" && token !== undefined) return { kind: "token", token, placeholder: false };
  if (username !== undefined && password !== undefined) {
    return { kind: "credentials", username, password, placeholder: false };
  }
  // The login check uses only the user and password, so its messages offer nothing else.
  const tokenAlternative = prefer === "token" ? `, or set ${CREDENTIAL_ENV.token}` : "";
  if (username !== undefined || password !== undefined) {
    const missing = username === undefined ? CREDENTIAL_ENV.username : CREDENTIAL_ENV.password;
    const present = username === undefined ? CREDENTIAL_ENV.password : CREDENTIAL_ENV.username;
    throw new CliError(
      ExitCode.Authentication,
      `${missing} is not set (${present} is): set both${tokenAlternative}`,
      missing,
    );
  }
  if (target.isMock) {
    return prefer === "credentials"
      ? { kind: "credentials", ...MOCK_PLACEHOLDER_CREDENTIALS, placeholder: true }
      : { kind: "token", token: MOCK_PLACEHOLDER_TOKEN, placeholder: true };
  }
  if (prefer === "credentials" && token !== undefined) {
    throw new CliError(
      ExitCode.Authentication,
      `login checks ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password}, which are not set; ` +
        `${CREDENTIAL_ENV.token} cannot be checked without placing an order`,
      CREDENTIAL_ENV.username,
    );
  }
  const userAndPassword = `${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password}`;
  throw new CliError(
    ExitCode.Authentication,
    prefer === "token"
      ? `no credentials for ${target.host}: set ${CREDENTIAL_ENV.token}, or ${userAndPassword}`
      : `no credentials for ${target.host}: set ${userAndPassword}`,
    prefer === "token" ? CREDENTIAL_ENV.token : CREDENTIAL_ENV.username,
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

const { token: TOKEN, username: USERNAME, password: PASSWORD } = CREDENTIAL_ENV;

/**
 * What to do after a 401, in terms of the credentials that were actually sent: telling someone who used
 * a user and password to "get a new token" (or to use the user and password) sends them the wrong way.
 * `undefined` (not known) names every way to authenticate.
 */
const HINTS: Record<Auth["kind"] | "unknown", Record<AuthenticationError["reason"], string>> = {
  token: {
    "no-token": `check ${TOKEN}: it is not a token a header can carry`,
    unauthorized: `check ${TOKEN} (tf-orders login --print-token gets a new one), or unset it to log in with ${USERNAME} and ${PASSWORD}`,
    "session-expired": `the token has expired: get a new one (tf-orders login --print-token) or use ${USERNAME} and ${PASSWORD}`,
  },
  credentials: {
    "no-token": "the login answered with a token a header cannot carry: the server misbehaves; nothing was bought",
    unauthorized: `check ${USERNAME} and ${PASSWORD} (the user needs API access)`,
    // The client has already logged in again and resent once, so a second expiry is the server's doing.
    "session-expired": `the session expired again right after a fresh login with ${USERNAME} and ${PASSWORD}; try again later, and if it persists check the user's API access`,
  },
  unknown: {
    "no-token": "no usable token could be had: the server misbehaves; nothing was bought",
    unauthorized: `check ${TOKEN}, or ${USERNAME} and ${PASSWORD} (the user needs API access)`,
    "session-expired": `the session has expired: get a new token (tf-orders login --print-token) or use ${USERNAME} and ${PASSWORD}`,
  },
};

/**
 * The hint for an authentication failure (exit 3).
 *
 * @example
 * authenticationHint('session-expired', 'token'); // 'the token has expired: get a new one (tf-orders login --print-token) or …'
 */
export function authenticationHint(reason: AuthenticationError["reason"], authKind: Auth["kind"] | undefined): string {
  return HINTS[authKind ?? "unknown"][reason];
}
