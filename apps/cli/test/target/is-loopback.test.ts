import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "../../src/target/is-loopback.js";

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
