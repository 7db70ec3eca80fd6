import { servers } from "@tf-orders/client";

/** Which of the two places a person picked: the local mock, or another server. */
export type TargetChoice = "mock" | "server";

/**
 * Where orders go. `mock` is harmless (Prism buys nothing); `billed` is every other server, whatever its
 * address, because a loopback URL can be a tunnel or a proxy to the real API.
 */
export interface Target {
  readonly kind: "mock" | "billed";
  /** The origin the client talks to (the API's paths are absolute from the host). */
  readonly baseUrl: string;
}

/** A target, or why the typed URL cannot be one. */
export type TargetReading = { ok: true; target: Target } | { ok: false; problem: string };

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a URL's host is this machine: only such a host may be declared the mock. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Reads the URL a person typed for the chosen target. The mock must be on a loopback host, so a remote URL
 * can never skip the billed-order confirmation; another server must use https unless it is on this machine,
 * so a token never crosses a network in clear.
 *
 * @example
 * ```ts
 * readTarget("server", "https://customer.intelepeer.com"); // { ok: true, target: { kind: "billed", … } }
 * ```
 */
export function readTarget(choice: TargetChoice, text: string): TargetReading {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: "Enter an absolute URL, such as https://customer.intelepeer.com." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, problem: `Use an http or https URL, not ${url.protocol}` };
  if (url.username || url.password)
    return { ok: false, problem: "Remove the user name or password from the URL: sign in below instead." };
  if (url.pathname !== "/" || url.search || url.hash)
    return {
      ok: false,
      problem: `Enter the server's origin only (${url.origin}): the API's paths are absolute from the host.`,
    };
  const local = isLoopbackHost(url.hostname);
  if (choice === "mock" && !local)
    return { ok: false, problem: "The mock runs on this machine: use a loopback address (127.0.0.1, localhost)." };
  if (choice === "server" && !local && url.protocol !== "https:")
    return { ok: false, problem: "Use https: a token must not cross the network in clear." };
  return { ok: true, target: { kind: choice === "mock" ? "mock" : "billed", baseUrl: url.origin } };
}

/**
 * The mock URL the page starts with: the `mock` query parameter (how a dev server that runs the mock on
 * another port links to the desk), else the spec's mock server. The parameter cannot make a remote server
 * pass for the mock: {@link readTarget} refuses anything that is not loopback.
 *
 * @example
 * ```ts
 * initialMockUrl("?mock=http://127.0.0.1:4011"); // "http://127.0.0.1:4011"
 * ```
 */
export function initialMockUrl(search: string): string {
  return new URLSearchParams(search).get("mock") ?? servers.mock;
}

/** The server a person most likely means by "another server": the spec's production server. */
export const defaultServerUrl: string = servers.production;
