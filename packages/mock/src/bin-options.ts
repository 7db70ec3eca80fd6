import { parseArgs } from "node:util";
import { parsePort, specMockPort } from "./spec-defaults.js";
import { defaultMaxBodyBytes } from "./start-mock.js";

/** What `tf-orders-mock` was asked to do. */
export type BinCommand =
  | {
      kind: "serve";
      host: string;
      port: number;
      spec: string | undefined;
      quiet: boolean;
      /** Undefined: startMock's default. */
      maxBodyBytes: number | undefined;
    }
  | { kind: "help"; text: string };

/**
 * The text `tf-orders-mock --help` prints. The default port is the spec's (its loopback server), so the help
 * cannot drift from what the bin does.
 */
export function binUsage(defaultPort: string): string {
  return `Usage: tf-orders-mock [--host 127.0.0.1] [--port ${defaultPort}] [--spec path/to/openapi.yaml] [--quiet]
                      [--max-body-bytes ${defaultMaxBodyBytes}]

Serves a mock of the toll-free ordering API until Ctrl+C (SIGINT) or SIGTERM.
  --host            interface to listen on (env TF_MOCK_HOST, default 127.0.0.1)
  --port            port to listen on, 0 for any free port (env TF_MOCK_PORT, default ${defaultPort})
  --spec            single-file OpenAPI document (default: the bundled @tf-orders/spec/openapi.yaml)
  --quiet           do not print the request log (one line per request: method, path, status, error message)
  --max-body-bytes  refuse bigger request bodies with 413 (default ${defaultMaxBodyBytes})`;
}

/**
 * Reads the bin's flags, falling back to `TF_MOCK_HOST` / `TF_MOCK_PORT` and then to 127.0.0.1 and the
 * port of the spec's loopback server (4010).
 *
 * @throws Error naming the flag when a value is unusable (an unknown flag, a port that is not 0–65535).
 */
export function parseBinArgs(argv: string[], env: NodeJS.ProcessEnv): BinCommand {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      spec: { type: "string" },
      quiet: { type: "boolean", default: false },
      "max-body-bytes": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    // Help must work before the spec is built (or with --spec): then the default is described, not read.
    let port: string;
    try {
      port = String(specMockPort());
    } catch {
      port = "the port of the spec's local server";
    }
    return { kind: "help", text: binUsage(port) };
  }
  const text = values.port ?? env.TF_MOCK_PORT;
  // The default is where the spec says the mock runs (its loopback server), read only when needed.
  const port =
    text === undefined ? specMockPort() : parsePort(values.port === undefined ? "TF_MOCK_PORT" : "--port", text);
  const host = values.host ?? env.TF_MOCK_HOST ?? "127.0.0.1";
  if (host === "") throw new Error("--host must not be empty");
  const limit = values["max-body-bytes"];
  if (limit !== undefined && !/^[1-9]\d{0,9}$/.test(limit))
    throw new Error(`--max-body-bytes must be a positive whole number of bytes, got '${limit}'`);
  const maxBodyBytes = limit === undefined ? undefined : Number(limit);
  return { kind: "serve", host, port, spec: values.spec, quiet: values.quiet, maxBodyBytes };
}
