import type { AuthenticationError } from "@tf-orders/client";
import type { Auth } from "../auth/resolve-auth.js";
import { CREDENTIAL_ENV } from "../auth/resolve-auth.js";

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
