import { parseArgs } from "node:util";
import { parsePort, specMockPort } from "@tf-orders/mock";

/** How `npm start` runs; every field has a default, so `npm start` alone is the common case. */
export interface StartOptions {
  host: string;
  /** Port of the docs server (default 8080, or TF_DOCS_PORT); 0 picks a free one. */
  docsPort: number;
  /** Port of the order desk (default 8090, or TF_DESK_PORT); 0 picks a free one. */
  deskPort: number;
  /** Port of the mock (default the spec's loopback server's, 4010, or TF_MOCK_PORT); 0 picks a free one. */
  mockPort: number;
  /** The workspace whose spec/ is watched and built (holds redocly.yaml). */
  root: string;
  /** Where the docs are built and served from (default apps/docs/dist). */
  siteDir: string;
  /** Where the order desk is built (default apps/web/dist). */
  deskDir: string;
  /**
   * Regenerate the client's types after a spec change, so that the client and what uses it are rebuilt too (off
   * for a workspace without the client).
   */
  generateClient: boolean;
  help: boolean;
}

/** What `--help` prints; the mock's default port is read from the spec (its loopback server). */
export function startUsage(): string {
  const defaultMockPort = specMockPort();
  return `Usage: npm start [-- options]

Serves the API reference, the order desk and a mock of the API, and rebuilds them through
Turborepo when spec/ changes.

Options:
  --docs-port <port>   docs server port (default 8080, env TF_DOCS_PORT; 0 = any free port)
  --desk-port <port>   order desk port (default 8090, env TF_DESK_PORT; 0 = any free port)
  --mock-port <port>   mock server port (default ${defaultMockPort}, env TF_MOCK_PORT; 0 = any free port)
  --host <address>     interface for the servers (default 127.0.0.1)
  --root <folder>      workspace holding spec/, redocly.yaml and apps/ (default: this repository)
  --site-dir <folder>  where the docs are built and served from (default: apps/docs/dist)
  --desk-dir <folder>  where the order desk is built (default: apps/web/dist)
  --no-generate        do not regenerate the client's types after a spec change
  --help               show this help
`;
}

/**
 * Reads the options from the command line, then the environment, then the defaults.
 *
 * @throws Error naming the flag or variable, for an unknown flag or a bad port.
 * @example
 * parseStartOptions(["--docs-port", "0"], {}, { root: "/repo", siteDir: "/repo/apps/docs/dist", deskDir: "/repo/apps/web/dist" }).docsPort; // 0
 */
export function parseStartOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaults: { root: string; siteDir: string; deskDir: string },
): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      "docs-port": { type: "string" },
      "mock-port": { type: "string" },
      "desk-port": { type: "string" },
      host: { type: "string" },
      root: { type: "string" },
      "site-dir": { type: "string" },
      "desk-dir": { type: "string" },
      "no-generate": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const docs = values["docs-port"] ?? env.TF_DOCS_PORT;
  const mock = values["mock-port"] ?? env.TF_MOCK_PORT;
  const desk = values["desk-port"] ?? env.TF_DESK_PORT;
  return {
    host: values.host ?? "127.0.0.1",
    docsPort:
      docs === undefined ? 8080 : parsePort(values["docs-port"] === undefined ? "TF_DOCS_PORT" : "--docs-port", docs),
    deskPort:
      desk === undefined ? 8090 : parsePort(values["desk-port"] === undefined ? "TF_DESK_PORT" : "--desk-port", desk),
    // Where the spec says the mock runs (its loopback server); the spec is built before `npm start` runs this.
    mockPort:
      mock === undefined
        ? specMockPort()
        : parsePort(values["mock-port"] === undefined ? "TF_MOCK_PORT" : "--mock-port", mock),
    root: values.root ?? defaults.root,
    siteDir: values["site-dir"] ?? defaults.siteDir,
    deskDir: values["desk-dir"] ?? defaults.deskDir,
    generateClient: values["no-generate"] !== true,
    help: values.help === true,
  };
}
