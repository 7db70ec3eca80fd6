import { parseArgs } from "node:util";
import { parsePort, specMockPort } from "@tf-orders/mock";

/** How `npm start` runs; every field has a default, so `npm start` alone is the common case. */
export interface StartOptions {
  host: string;
  /** Port of the docs server (default 8080, or TF_DOCS_PORT); 0 picks a free one. */
  docsPort: number;
  /** Port of the mock (default the spec's loopback server's, 4010, or TF_MOCK_PORT); 0 picks a free one. */
  mockPort: number;
  /** The workspace whose spec/ is watched and built (holds redocly.yaml). */
  root: string;
  /** Where the docs are built and served from (default apps/docs/dist). */
  siteDir: string;
  /**
   * Regenerate the client's types and rebuild its dist/ after a spec change (off for a workspace
   * without the client).
   */
  generateClient: boolean;
  help: boolean;
}

/** What `--help` prints; the mock's default port is read from the spec (its loopback server). */
export function startUsage(): string {
  const defaultMockPort = specMockPort();
  return `Usage: npm start [-- options]

Serves the API reference and a Prism mock of the API, and rebuilds both when spec/ changes.

Options:
  --docs-port <port>   docs server port (default 8080, env TF_DOCS_PORT; 0 = any free port)
  --mock-port <port>   mock server port (default ${defaultMockPort}, env TF_MOCK_PORT; 0 = any free port)
  --host <address>     interface for both servers (default 127.0.0.1)
  --root <folder>      workspace holding spec/ and redocly.yaml (default: this repository)
  --site-dir <folder>  where the docs are built and served from (default: apps/docs/dist)
  --no-generate        do not regenerate the client's types nor rebuild the client after a spec change
  --help               show this help
`;
}

/**
 * Reads the options from the command line, then the environment, then the defaults.
 *
 * @throws Error naming the flag or variable, for an unknown flag or a bad port.
 * @example
 * parseStartOptions(["--docs-port", "0"], {}, { root: "/repo", siteDir: "/repo/apps/docs/dist" }).docsPort; // 0
 */
export function parseStartOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaults: { root: string; siteDir: string },
): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      "docs-port": { type: "string" },
      "mock-port": { type: "string" },
      host: { type: "string" },
      root: { type: "string" },
      "site-dir": { type: "string" },
      "no-generate": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const docs = values["docs-port"] ?? env.TF_DOCS_PORT;
  const mock = values["mock-port"] ?? env.TF_MOCK_PORT;
  return {
    host: values.host ?? "127.0.0.1",
    docsPort:
      docs === undefined ? 8080 : parsePort(values["docs-port"] === undefined ? "TF_DOCS_PORT" : "--docs-port", docs),
    // Where the spec says the mock runs (its loopback server); the spec is built before `npm start` runs this.
    mockPort:
      mock === undefined
        ? specMockPort()
        : parsePort(values["mock-port"] === undefined ? "TF_MOCK_PORT" : "--mock-port", mock),
    root: values.root ?? defaults.root,
    siteDir: values["site-dir"] ?? defaults.siteDir,
    generateClient: values["no-generate"] !== true,
    help: values.help === true,
  };
}
