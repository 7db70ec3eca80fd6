import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { type BinCommand, parseBinArgs } from "../src/bin-options.ts";
import { defaultMaxBodyBytes } from "../src/start-mock.js";

// The mock's port as the spec's text writes it: read here independently of mockServer(), which the code under test
// uses.
const specYaml = readFileSync(createRequire(import.meta.url).resolve("@tf-orders/spec/openapi.yaml"), "utf8");
const specPort = Number(/url: http:\/\/127\.0\.0\.1:(\d+)/.exec(specYaml)?.[1]);

const serve = (host: string, port: number, spec?: string, quiet = false, maxBodyBytes?: number): BinCommand => ({
  kind: "serve",
  host,
  port,
  spec,
  quiet,
  maxBodyBytes,
});

describe("parseBinArgs", () => {
  it.each<[string, string[], Record<string, string>, BinCommand]>([
    ["defaults to 127.0.0.1 and the spec's mock port", [], {}, serve("127.0.0.1", specPort)],
    [
      "takes flags",
      ["--host", "0.0.0.0", "--port", "0", "--spec", "x.yaml", "--quiet"],
      {},
      serve("0.0.0.0", 0, "x.yaml", true),
    ],
    ["takes --flag=value", ["--port=4020"], {}, serve("127.0.0.1", 4020)],
    [
      "takes a body limit",
      ["--port", "0", "--max-body-bytes", "1048576"],
      {},
      serve("127.0.0.1", 0, undefined, false, 1_048_576),
    ],
    ["reads the environment", [], { TF_MOCK_HOST: "::1", TF_MOCK_PORT: "4011" }, serve("::1", 4011)],
    ["prefers flags to the environment", ["--port", "4012"], { TF_MOCK_PORT: "4011" }, serve("127.0.0.1", 4012)],
  ])("%s", (_name, argv, env, want) => {
    expect(parseBinArgs(argv, env)).toEqual(want);
  });

  it("shows help that names the default body limit", () => {
    const help = parseBinArgs(["--help"], {});
    expect(help.kind === "help" && help.text).toContain(
      `--max-body-bytes  refuse bigger request bodies with 413 (default ${defaultMaxBodyBytes})`,
    );
  });

  it("shows help that names the spec's mock port as the default", () => {
    const port = specPort;
    const help = parseBinArgs(["--help"], {});
    expect(help.kind).toBe("help");
    expect(help.kind === "help" && help.text).toContain(
      `--port            port to listen on, 0 for any free port (env TF_MOCK_PORT, default ${port})`,
    );
  });

  it.each<[string[], Record<string, string>, RegExp]>([
    [["--port", "abc"], {}, /--port must be a port number from 0 to 65535, got 'abc'/],
    [["--port", "65536"], {}, /--port must be a port number/],
    [["--port=-1"], {}, /--port must be a port number from 0 to 65535, got '-1'/],
    [[], { TF_MOCK_PORT: "4o10" }, /TF_MOCK_PORT must be a port number/],
    [["--host", ""], {}, /--host must not be empty/],
    [["--max-body-bytes", "0"], {}, /--max-body-bytes must be a positive whole number of bytes, got '0'/],
    [["--max-body-bytes", "1e6"], {}, /--max-body-bytes must be a positive whole number of bytes, got '1e6'/],
    [["--bogus"], {}, /Unknown option '--bogus'/],
    [["extra"], {}, /Unexpected argument 'extra'/],
  ])("rejects %j %j", (argv, env, message) => {
    expect(() => parseBinArgs(argv, env)).toThrow(message);
  });
});
