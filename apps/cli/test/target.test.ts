import { describe, expect, it } from "vitest";
import { ExitCode } from "../src/errors.js";
import { resolveTarget } from "../src/target.js";

describe("resolveTarget", () => {
  it.each([
    ["nothing set: the default mock", {}, { baseUrl: "http://127.0.0.1:4010", host: "127.0.0.1:4010", isMock: true }],
    [
      "TF_MOCK_URL alone: that mock becomes the default target",
      { env: { TF_MOCK_URL: "http://127.0.0.1:5555" } },
      { baseUrl: "http://127.0.0.1:5555", isMock: true },
    ],
    [
      "--base-url on the mock origin, trailing slash dropped",
      { baseUrlFlag: "http://127.0.0.1:4010/" },
      { baseUrl: "http://127.0.0.1:4010", isMock: true },
    ],
    [
      "production by flag",
      { baseUrlFlag: "https://customer.intelepeer.com" },
      { baseUrl: "https://customer.intelepeer.com", host: "customer.intelepeer.com", isMock: false },
    ],
    [
      "production by environment",
      { env: { TF_API_BASE_URL: "https://customer.intelepeer.com" } },
      { host: "customer.intelepeer.com", isMock: false },
    ],
    [
      "the flag wins over the environment",
      { baseUrlFlag: "http://127.0.0.1:4010", env: { TF_API_BASE_URL: "https://customer.intelepeer.com" } },
      { isMock: true },
    ],
    ["an empty TF_API_BASE_URL counts as unset", { env: { TF_API_BASE_URL: "" } }, { isMock: true }],
    ["another loopback port is not the mock", { baseUrlFlag: "http://127.0.0.1:8443" }, { isMock: false }],
    ["localhost is not 127.0.0.1 (origins differ)", { baseUrlFlag: "http://localhost:4010" }, { isMock: false }],
    [
      "--mock-url declares a local mock",
      { baseUrlFlag: "http://localhost:9000", mockUrlFlag: "http://localhost:9000" },
      { isMock: true, host: "localhost:9000" },
    ],
  ])("%s", (_name, inputs, want) => {
    expect(resolveTarget({ env: {}, ...inputs })).toMatchObject(want);
  });

  it.each([
    ["a non-URL base", { baseUrlFlag: "customer.intelepeer.com" }, "--base-url"],
    ["a non-http scheme", { env: { TF_API_BASE_URL: "ftp://example.com" } }, "TF_API_BASE_URL"],
    ["credentials in the URL", { baseUrlFlag: "https://me:pw@customer.intelepeer.com" }, "--base-url"],
    ["a query string", { baseUrlFlag: "https://customer.intelepeer.com/?x=1" }, "--base-url"],
    ["a remote mock URL", { mockUrlFlag: "https://customer.intelepeer.com" }, "--mock-url"],
    ["a remote TF_MOCK_URL", { env: { TF_MOCK_URL: "http://10.0.0.5:4010" } }, "TF_MOCK_URL"],
  ])("rejects %s with a usage error naming %s", (_name, inputs, field) => {
    expect(() => resolveTarget({ env: {}, ...inputs })).toThrow(
      expect.objectContaining({ exitCode: ExitCode.Usage, message: expect.stringContaining(field) }),
    );
  });

  it("does not echo a password embedded in the URL", () => {
    expect(() => resolveTarget({ env: {}, baseUrlFlag: "https://me:hunter22@customer.intelepeer.com" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter22") }),
    );
  });
});
