// Where requests go (the mock or a real host) and how a URL given on the command line is judged.
import { baseUrlProblem, servers } from "@tf-orders/client";
import { isLoopbackHost } from "@tf-orders/spec/reader";
import { usageError } from "./errors.js";

/** The local Prism mock started by `npm run mock` / `npm start`: the spec's loopback server. */
export const DEFAULT_MOCK_URL: string = servers.mock;

/** Where the CLI sends its requests, and whether that place is the harmless mock. */
export interface Target {
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** `host[:port]`, for messages and the confirmation prompt. */
  readonly host: string;
  /**
   * True when the base URL has the origin of the mock URL (`--mock-url`, `TF_MOCK_URL`, or
   * http://127.0.0.1:4010). Purchases there need no confirmation and may use placeholder credentials.
   */
  readonly isMock: boolean;
}

/** The inputs {@link resolveTarget} reads: flags first, then the environment. */
export interface TargetInputs {
  readonly baseUrlFlag?: string | undefined;
  readonly mockUrlFlag?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Decides where to send requests. Without `--base-url` or `TF_API_BASE_URL` the target is the mock,
 * so that nothing is bought by accident. "Mock" is an exact origin, not "any local host": a tunnel to
 * production on `localhost:8443` must still ask for confirmation.
 *
 * @example
 * resolveTarget({ env: {} }); // { baseUrl: 'http://127.0.0.1:4010', host: '127.0.0.1:4010', isMock: true }
 */
export function resolveTarget(inputs: TargetInputs): Target {
  const mockSource = pick(inputs.mockUrlFlag, "--mock-url", inputs.env.TF_MOCK_URL, "TF_MOCK_URL");
  const mockUrl =
    mockSource === undefined ? new URL(DEFAULT_MOCK_URL) : parseHttpUrl(mockSource.value, mockSource.name);
  if (!isLoopbackHost(mockUrl.hostname)) {
    const name = mockSource?.name ?? "--mock-url";
    throw usageError(`${name} must be a loopback URL (localhost, 127.0.0.1 or [::1]), got ${mockUrl.origin}`, name);
  }

  const baseSource = pick(inputs.baseUrlFlag, "--base-url", inputs.env.TF_API_BASE_URL, "TF_API_BASE_URL");
  const baseUrl = baseSource === undefined ? mockUrl : parseHttpUrl(baseSource.value, baseSource.name);
  return {
    baseUrl: baseUrl.href.replace(/\/+$/, ""),
    host: baseUrl.host,
    isMock: baseUrl.origin === mockUrl.origin,
  };
}

function pick(
  flag: string | undefined,
  flagName: string,
  env: string | undefined,
  envName: string,
): { value: string; name: string } | undefined {
  if (flag !== undefined) return { value: flag, name: flagName };
  if (env !== undefined && env !== "") return { value: env, name: envName };
  return undefined;
}

/**
 * A URL as messages may show it: without user information (a password) and without query or fragment (a token in
 * `?key=`), which are cut even from text that is not a URL at all.
 */
export function shownUrl(text: string): string {
  return JSON.stringify(
    text
      .replace(/[?#].*$/s, "")
      .replace(/^([^/]*\/\/).*@/s, "$1")
      .slice(0, 200),
  );
}

/** The URL, once the client's rule for a base URL accepts it (the mock URL must pass it too). */
function parseHttpUrl(text: string, name: string): URL {
  const problem = baseUrlProblem(text);
  if (problem === undefined) return new URL(text);
  const hint = /user name/.test(problem) ? "; use TF_API_USERNAME and TF_API_PASSWORD" : "";
  throw usageError(`${name} ${problem}${hint}: ${shownUrl(text)}`, name);
}
