import { describe, expect, it } from "vitest";
import { type ProviderConfig, readProviderConfig } from "./provider-config.ts";

const base = "https://api.example.test";
const cases: [string, Record<string, string>, ProviderConfig][] = [
  [
    "nothing set",
    {},
    { configured: false, reason: "set TF_API_BASE_URL and TF_API_TOKEN (or TF_API_USERNAME and TF_API_PASSWORD)" },
  ],
  [
    "a URL alone",
    { TF_API_BASE_URL: base },
    { configured: false, reason: "set TF_API_TOKEN (or TF_API_USERNAME and TF_API_PASSWORD)" },
  ],
  ["a token alone", { TF_API_TOKEN: "t" }, { configured: false, reason: "set TF_API_BASE_URL" }],
  [
    "a user without password",
    { TF_API_BASE_URL: base, TF_API_USERNAME: "u" },
    { configured: false, reason: "set TF_API_PASSWORD" },
  ],
  [
    "a password without user",
    { TF_API_BASE_URL: base, TF_API_PASSWORD: "p" },
    { configured: false, reason: "set TF_API_USERNAME" },
  ],
  [
    "blank values",
    { TF_API_BASE_URL: " ", TF_API_TOKEN: "" },
    { configured: false, reason: "set TF_API_BASE_URL and TF_API_TOKEN (or TF_API_USERNAME and TF_API_PASSWORD)" },
  ],
  [
    "a URL that is not http",
    { TF_API_BASE_URL: "ftp://x", TF_API_TOKEN: "t" },
    { configured: false, reason: "TF_API_BASE_URL must be an http(s) URL" },
  ],
  [
    "a URL and a token",
    { TF_API_BASE_URL: base, TF_API_TOKEN: "t" },
    { configured: true, baseUrl: base, auth: { token: "t" }, login: undefined, allowPurchase: false },
  ],
  [
    "a URL and credentials, purchases allowed",
    { TF_API_BASE_URL: base, TF_API_USERNAME: "u", TF_API_PASSWORD: "p", TF_CONTRACT_ALLOW_PURCHASE: "1" },
    {
      configured: true,
      baseUrl: base,
      auth: { credentials: { username: "u", password: "p" } },
      login: { username: "u", password: "p" },
      allowPurchase: true,
    },
  ],
  [
    "a token and credentials: the token authorises, the credentials test the login",
    {
      TF_API_BASE_URL: base,
      TF_API_TOKEN: "t",
      TF_API_USERNAME: "u",
      TF_API_PASSWORD: "p",
      TF_CONTRACT_ALLOW_PURCHASE: "yes",
    },
    {
      configured: true,
      baseUrl: base,
      auth: { token: "t" },
      login: { username: "u", password: "p" },
      allowPurchase: false,
    },
  ],
];

describe("readProviderConfig", () => {
  it.each(cases)("%s", (_name, env, want) => {
    expect(readProviderConfig(env)).toEqual(want);
  });

  it("never puts a secret in the reason", () => {
    const result = readProviderConfig({ TF_API_TOKEN: "secret-token-value", TF_API_PASSWORD: "secret-password" });
    expect(JSON.stringify(result)).not.toMatch(/secret-/);
  });
});
