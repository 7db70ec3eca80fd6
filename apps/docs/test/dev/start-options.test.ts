import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseStartOptions, startUsage } from "../../src/dev/start-options.js";

// The mock's port as the spec's text writes it: read here independently of mockServer(), which the code under test
// uses.
const specYaml = readFileSync(createRequire(import.meta.url).resolve("@tf-orders/spec/openapi.yaml"), "utf8");
const specPort = Number(/url: http:\/\/127\.0\.0\.1:(\d+)/.exec(specYaml)?.[1]);

const defaults = { root: "/repo", siteDir: "/repo/apps/docs/dist", deskDir: "/repo/apps/web/dist" };

describe("parseStartOptions", () => {
  it("defaults to the documented ports on loopback", () => {
    expect(parseStartOptions([], {}, defaults)).toEqual({
      host: "127.0.0.1",
      docsPort: 8080,
      deskPort: 8090,
      mockPort: specPort,
      root: "/repo",
      siteDir: "/repo/apps/docs/dist",
      deskDir: "/repo/apps/web/dist",
      generateClient: true,
      help: false,
    });
  });

  it.each([
    [
      "flags",
      ["--docs-port", "0", "--mock-port", "4999", "--desk-port", "0"],
      {},
      { docsPort: 0, mockPort: 4999, deskPort: 0 },
    ],
    [
      "environment",
      [],
      { TF_DOCS_PORT: "9000", TF_MOCK_PORT: "9001", TF_DESK_PORT: "9002" },
      { docsPort: 9000, mockPort: 9001, deskPort: 9002 },
    ],
    ["flags over environment", ["--docs-port", "1"], { TF_DOCS_PORT: "9000" }, { docsPort: 1, mockPort: specPort }],
    ["--no-generate", ["--no-generate"], {}, { generateClient: false }],
    [
      "--root, --site-dir and --desk-dir",
      ["--root", "/tmp/w", "--site-dir", "/tmp/site", "--desk-dir", "/tmp/desk"],
      {},
      { root: "/tmp/w", siteDir: "/tmp/site", deskDir: "/tmp/desk" },
    ],
    ["--host", ["--host", "::1"], {}, { host: "::1" }],
    ["--help", ["--help"], {}, { help: true }],
  ])("reads %s", (_name, argv, env, expected) => {
    expect(parseStartOptions(argv, env, defaults)).toMatchObject(expected);
  });

  it.each([
    [["--docs-port", "http"], {}, "--docs-port must be a port number from 0 to 65535, got 'http'"],
    [["--mock-port", "70000"], {}, "--mock-port must be a port number from 0 to 65535, got '70000'"],
    [[], { TF_MOCK_PORT: "-1" }, "TF_MOCK_PORT must be a port number from 0 to 65535, got '-1'"],
    [["--docs-port", "80.5"], {}, "--docs-port must be a port number from 0 to 65535, got '80.5'"],
  ])("rejects %j %j, naming the source", (argv, env, message) => {
    expect(() => parseStartOptions(argv, env, defaults)).toThrow(message);
  });

  it("rejects an unknown flag by name", () => {
    expect(() => parseStartOptions(["--port", "1"], {}, defaults)).toThrow(/--port/);
  });

  it("documents the spec's mock port as the default, the one parseStartOptions uses", () => {
    expect(startUsage()).toContain(`--mock-port <port>   mock server port (default ${specPort},`);
    expect(parseStartOptions([], {}, defaults).mockPort).toBe(Number(specPort));
  });
});
