/**
 * Credentials the end-to-end tests put in the CLI's environment. Distinctive, so that finding one in
 * any output is unambiguous.
 */
export const SECRETS = {
  token: "tok-e2e-9f31c7a2d84b",
  username: "e2e-operator",
  password: "pw-e2e-5b0d62e8a17f",
} as const;

/** A token-only environment. */
export const TOKEN_ENV = { TF_API_TOKEN: SECRETS.token } as const;

/** A user-and-password environment. */
export const LOGIN_ENV = { TF_API_USERNAME: SECRETS.username, TF_API_PASSWORD: SECRETS.password } as const;
