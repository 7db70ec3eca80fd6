import { servers } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { defaultServerUrl, initialMockUrl, isLoopbackHost, readTarget } from "../../src/target.ts";

describe("readTarget", () => {
  it.each([
    ["mock", "http://127.0.0.1:4010", { kind: "mock", baseUrl: "http://127.0.0.1:4010" }],
    ["mock", " http://localhost:4011/ ", { kind: "mock", baseUrl: "http://localhost:4011" }],
    ["mock", "http://[::1]:4010", { kind: "mock", baseUrl: "http://[::1]:4010" }],
    ["server", "https://customer.intelepeer.com", { kind: "billed", baseUrl: "https://customer.intelepeer.com" }],
    // A loopback server may be a tunnel or a proxy to the real API: it bills unless declared the mock.
    ["server", "http://127.0.0.1:9000", { kind: "billed", baseUrl: "http://127.0.0.1:9000" }],
  ] as const)("takes the %s URL %j", (choice, text, target) => {
    expect(readTarget(choice, text)).toEqual({ ok: true, target });
  });

  it.each([
    ["mock", "https://customer.intelepeer.com", /loopback address/],
    ["mock", "http://10.0.0.8:4010", /loopback address/],
    ["server", "http://customer.intelepeer.com", /Use https/],
    ["server", "customer.intelepeer.com", /absolute URL/],
    ["server", "ftp://customer.intelepeer.com", /http or https/],
    ["server", "https://user:secret@customer.intelepeer.com", /user name or password/],
    ["server", "https://customer.intelepeer.com/_rest/v3", /origin only \(https:\/\/customer\.intelepeer\.com\)/],
    ["server", "https://customer.intelepeer.com/?x=1", /origin only/],
  ] as const)("refuses the %s URL %j", (choice, text, problem) => {
    const reading = readTarget(choice, text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatch(problem);
  });

  it("never quotes a password typed into the URL", () => {
    const reading = readTarget("server", "https://user:hunter2@customer.intelepeer.com/path");
    expect(JSON.stringify(reading)).not.toContain("hunter2");
  });
});

describe("the page's defaults", () => {
  it("starts on the spec's mock unless the page is given one", () => {
    expect(initialMockUrl("")).toBe(servers.mock);
    expect(initialMockUrl("?mock=http%3A%2F%2F127.0.0.1%3A4011")).toBe("http://127.0.0.1:4011");
    expect(readTarget("mock", servers.mock).ok).toBe(true);
  });

  it("offers the spec's production server as the other server", () => {
    expect(defaultServerUrl).toBe(servers.production);
    expect(readTarget("server", defaultServerUrl)).toEqual({
      ok: true,
      target: { kind: "billed", baseUrl: servers.production },
    });
  });

  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["localhost", true],
    ["[::1]", true],
    ["127.0.0.1.example.com", false],
    ["customer.intelepeer.com", false],
  ])("knows whether %s is this machine", (host, local) => {
    expect(isLoopbackHost(host)).toBe(local);
  });
});
