import { authenticateRequest } from "../generated/rules.js";
import { issuesOf } from "../validation/check.js";
import { timeoutProblem } from "./checked-timeout.js";
import type { TollFreeClientOptions } from "./options.js";

/**
 * Refuses, at creation, the options the client could only fail on later (and then with fetch's errors,
 * which quote header values and URLs): an unusable `timeoutMs`, a bad static token, credentials that break
 * the spec's login schema, a base URL that is not http(s) or holds a user name or password, a header HTTP
 * cannot carry. Returns the base URL without its trailing slashes. No message quotes a secret.
 */
export function checkOptions(
  options: TollFreeClientOptions,
  headers: Record<string, string>,
  defaultBaseUrl: string,
): string {
  const problem = timeoutProblem(options.timeoutMs);
  if (problem) throw new RangeError(`createTollFreeClient: ${problem}`);
  // Truthy, as in the exactly-one check: an empty `token` beside `credentials` counts as not given.
  if (options.token) usableToken(options.token);
  if (options.credentials) {
    const issues = issuesOf(authenticateRequest, options.credentials);
    if (issues.length)
      throw new TypeError(`createTollFreeClient: credentials: ${issues.map((issue) => issue.message).join(" ")}`);
  }
  checkHeaders(headers);
  return checkedBaseUrl(options.baseUrl ?? defaultBaseUrl);
}

/**
 * The token as a header can carry it: printable ASCII with no space at either end. fetch would trim the
 * spaces (so an echo of the token would no longer match the masked one) and reject the rest with an
 * error that quotes the whole token; refuse it here without quoting it.
 */
export function usableToken(value: unknown): string {
  if (typeof value !== "string" || !value)
    throw new TypeError(
      "The token (`token`, what `getToken()` resolved to, or the login's) must be a non-empty string; nothing was sent.",
    );
  if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(value)) {
    throw new TypeError(
      "The token must be printable ASCII with no space at either end (a line break, a non-ASCII letter?); nothing was sent.",
    );
  }
  return value;
}

/** The base URL without a trailing slash; it must be http(s) and carry no user name or password. */
function checkedBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError("createTollFreeClient: baseUrl is not an absolute URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new TypeError(`createTollFreeClient: baseUrl must be http or https, got ${url.protocol}`);
  // Not quoted: the user information may be a password. fetch refuses such a URL anyway.
  if (url.username || url.password)
    throw new TypeError(
      "createTollFreeClient: baseUrl must not contain a user name or password; use `token`, `getToken` or `credentials`.",
    );
  return text.replace(/\/+$/, "");
}

/** Fails at creation, naming the header, rather than on every call with an error that quotes its value. */
function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch {
      throw new TypeError(
        `createTollFreeClient: the header ${JSON.stringify(name)} has a name or value that HTTP cannot carry.`,
      );
    }
  }
}
