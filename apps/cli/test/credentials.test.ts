import { describe, expect, it } from "vitest";
import { MOCK_PLACEHOLDER_CREDENTIALS, MOCK_PLACEHOLDER_TOKEN, resolveAuth } from "../src/credentials.js";
import { ExitCode } from "../src/errors.js";
import type { Target } from "../src/target.js";

const mock: Target = { baseUrl: "http://127.0.0.1:4010", host: "127.0.0.1:4010", isMock: true };
const real: Target = { baseUrl: "https://customer.intelepeer.com", host: "customer.intelepeer.com", isMock: false };
const both = { TF_API_TOKEN: "tok-1234", TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-5678" };

describe("resolveAuth", () => {
  it.each([
    [
      "a token on a real host",
      { TF_API_TOKEN: "tok-1234" },
      real,
      "token",
      { kind: "token", token: "tok-1234", placeholder: false },
    ],
    ["a token wins over a user for orders", both, real, "token", { kind: "token", token: "tok-1234" }],
    [
      "a user for the login check even with a token",
      both,
      real,
      "credentials",
      { kind: "credentials", username: "alice", password: "pw-5678" },
    ],
    [
      "a user and password alone",
      { TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-5678" },
      real,
      "token",
      { kind: "credentials", placeholder: false },
    ],
    [
      "nothing on the mock: a placeholder token",
      {},
      mock,
      "token",
      { kind: "token", token: MOCK_PLACEHOLDER_TOKEN, placeholder: true },
    ],
    [
      "nothing on the mock, login: placeholder credentials",
      {},
      mock,
      "credentials",
      { ...MOCK_PLACEHOLDER_CREDENTIALS, placeholder: true },
    ],
    ["empty variables count as unset", { TF_API_TOKEN: "" }, mock, "token", { placeholder: true }],
  ] as const)("%s", (_name, env, target, prefer, want) => {
    expect(resolveAuth(env, target, prefer)).toMatchObject(want);
  });

  it.each([
    ["nothing on a real host", {}, real, "token", /no credentials for customer\.intelepeer\.com/],
    ["a user without password", { TF_API_USERNAME: "alice" }, real, "token", /TF_API_PASSWORD is not set/],
    [
      "a password without user, even on the mock",
      { TF_API_PASSWORD: "pw-5678" },
      mock,
      "token",
      /TF_API_USERNAME is not set/,
    ],
    [
      "a login check with only a token",
      { TF_API_TOKEN: "tok-1234" },
      real,
      "credentials",
      /cannot be checked without placing an order/,
    ],
  ] as const)("refuses %s with exit code 3", (_name, env, target, prefer, message) => {
    expect(() => resolveAuth(env, target, prefer)).toThrow(
      expect.objectContaining({ exitCode: ExitCode.Authentication, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [
      "order: a user without password",
      { TF_API_USERNAME: "alice" },
      "token",
      "TF_API_PASSWORD is not set (TF_API_USERNAME is): set both, or set TF_API_TOKEN",
    ],
    [
      "login: a user without password",
      { TF_API_USERNAME: "alice" },
      "credentials",
      "TF_API_PASSWORD is not set (TF_API_USERNAME is): set both",
    ],
    [
      "order: nothing on a real host",
      {},
      "token",
      "no credentials for customer.intelepeer.com: set TF_API_TOKEN, or TF_API_USERNAME and TF_API_PASSWORD",
    ],
    [
      "login: nothing on a real host",
      {},
      "credentials",
      "no credentials for customer.intelepeer.com: set TF_API_USERNAME and TF_API_PASSWORD",
    ],
  ] as const)("%s: offers TF_API_TOKEN only where it can be used", (_name, env, prefer, message) => {
    expect(() => resolveAuth(env, real, prefer)).toThrow(expect.objectContaining({ message }));
  });

  it("never puts a secret in its error messages", () => {
    expect(() => resolveAuth({ TF_API_PASSWORD: "pw-5678" }, real)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("pw-5678") }),
    );
  });
});
