/**
 * Whether a URL's host names this machine's loopback interface (`localhost`, `127.0.0.0/8`, `[::1]`).
 * Only such a host may be declared a mock: a remote URL can never skip the purchase confirmation.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
