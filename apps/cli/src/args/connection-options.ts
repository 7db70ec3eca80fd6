import { DEFAULT_MOCK_URL } from "../target/resolve-target.js";
import type { OptionSpec } from "./option-spec.js";

/** Options every command that talks to the API accepts: where to, how long to wait, how to print. */
export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  {
    name: "base-url",
    type: "string",
    value: "URL",
    description: `API base URL (env TF_API_BASE_URL). Default: the local mock, ${DEFAULT_MOCK_URL}`,
  },
  {
    name: "mock-url",
    type: "string",
    value: "URL",
    description: "a loopback URL to treat as the mock: no confirmation, placeholder credentials (env TF_MOCK_URL)",
  },
  {
    name: "timeout",
    type: "string",
    value: "MS",
    description: "give up waiting for the API after MS milliseconds (default 30000)",
  },
  { name: "json", type: "boolean", description: "print machine-readable JSON on stdout (errors as JSON on stderr)" },
  { name: "help", type: "boolean", short: "h", description: "show this help" },
  {
    name: "header",
    type: "string",
    multiple: true,
    value: "NAME: VALUE",
    description: 'extra request header (test seam, e.g. "Prefer: code=402" against the mock)',
    hidden: true,
  },
];
