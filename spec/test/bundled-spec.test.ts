import { isLoopbackHost, loadBundledSpec, mockServer } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["localhost.", true],
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["[::1]", true],
    ["customer.intelepeer.com", false],
    ["localhost.example.com", false],
    ["128.0.0.1", false],
    ["10.0.0.1", false],
    ["[::2]", false],
  ])("%s → %s", (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});

describe("mockServer", () => {
  it("is the spec's loopback server", () => {
    const url = mockServer(loadBundledSpec());
    expect(isLoopbackHost(url.hostname)).toBe(true);
    expect(url.protocol).toBe("http:");
  });
});
