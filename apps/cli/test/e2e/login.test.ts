import { afterEach, describe, expect, inject, it } from "vitest";
import type { FakeApiServer } from "../support/fake-api-server.js";
import { startFakeApiServer, unusedLocalUrl } from "../support/fake-api-server.js";
import { runCli } from "../support/run-cli.js";
import { LOGIN_ENV, SECRETS, TOKEN_ENV } from "../support/secrets.js";
import { loginResponseExample } from "../support/spec-examples.js";

const mockUrl = inject("mockUrl");
const mockToken = String(loginResponseExample("200", "token").token);

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("tf-orders login", () => {
  it("says the credentials work, naming the host and the user, without printing the token", async () => {
    const run = await runCli(["login"], { env: { ...LOGIN_ENV, TF_MOCK_URL: mockUrl } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`credentials work: logged in to ${new URL(mockUrl).host} as ${SECRETS.username}\n`);
    expect(run.stdout + run.stderr).not.toContain(mockToken);
  });

  it("--print-token prints the token alone on stdout, the verdict on stderr", async () => {
    const run = await runCli(["login", "--print-token"], { env: { ...LOGIN_ENV, TF_MOCK_URL: mockUrl } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${mockToken}\n`);
    expect(run.stderr).toContain("credentials work");
  });

  it("--json reports success as JSON, with the token only when asked", async () => {
    const plain = await runCli(["login", "--json"], { env: { ...LOGIN_ENV, TF_MOCK_URL: mockUrl } });
    expect(JSON.parse(plain.stdout)).toEqual({ ok: true, host: new URL(mockUrl).host, mock: true, placeholder: false });
    const withToken = await runCli(["login", "--json", "--print-token"], {
      env: { ...LOGIN_ENV, TF_MOCK_URL: mockUrl },
    });
    expect(JSON.parse(withToken.stdout)).toMatchObject({ ok: true, token: mockToken });
  });

  it("exits 3 when the server refuses the credentials", async () => {
    const run = await runCli(["login", "--header", "Prefer: code=401"], {
      env: { ...LOGIN_ENV, TF_MOCK_URL: mockUrl },
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain(String(loginResponseExample("401", "unauthorized").error));
    expect(run.stdout).toBe("");
  });

  it("sends the credentials to the login endpoint of the given host only", async () => {
    server = await startFakeApiServer({ kind: "json", status: 200, body: { token: "fresh-token-1" } });
    const run = await runCli(["login", "--base-url", server.url], { env: LOGIN_ENV });
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/_rest/v4/authenticate" });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
      username: SECRETS.username,
      password: SECRETS.password,
    });
  });

  it.each([
    ["no credentials at all", {}, /no credentials for/],
    ["only a token, which cannot be checked", TOKEN_ENV, /TF_API_TOKEN cannot be checked without placing an order/],
  ])("exits 3 on a real host with %s, sending nothing", async (_name, env, message) => {
    server = await startFakeApiServer({ kind: "json", status: 200, body: { token: "fresh-token-1" } });
    const run = await runCli(["login", "--base-url", server.url], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it("exits 7, not 6, when the login connection drops: a login buys nothing", async () => {
    server = await startFakeApiServer({ kind: "reset" });
    const run = await runCli(["login", "--base-url", server.url], { env: LOGIN_ENV });
    expect(run.code, run.stderr).toBe(7);
    expect(server.requests).toHaveLength(1);
  });

  it("exits 7 with the hint to start the mock when the mock is not running", async () => {
    const run = await runCli(["login"], { env: { ...LOGIN_ENV, TF_MOCK_URL: await unusedLocalUrl() } });
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toContain("is the mock running? start it with `npm run mock`");
  });

  it("uses placeholder credentials on the mock and says so", async () => {
    const run = await runCli(["login"], { env: { TF_MOCK_URL: mockUrl } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("placeholder credentials");
  });
});
