import type { TestProject } from "vitest/node";
import { formatMockRequest, startMock } from "../../src/start-mock.js";
import { startProxy } from "../../src/start-proxy.js";
import { readProviderConfig } from "../provider/provider-config.ts";
import { loginExample } from "../support/login-example.ts";
import type { ContractTarget } from "./support/contract-target.ts";
import { postOrderRaw } from "./support/raw-order.ts";

/** Any token: the mock checks that one is sent, not its value. */
const mockToken = "tf-orders-contract-token";

/**
 * One Prism for the whole run: the mock for the `contract` project, `prism proxy` in front of
 * `TF_API_BASE_URL` for the `provider` project (whose config only includes the suite when configured).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: { url: string; stop(): Promise<void> };
  let target: ContractTarget;
  if (project.name === "provider") {
    const config = readProviderConfig(process.env);
    if (!config.configured) throw new Error(`provider contract: not configured (${config.reason})`);
    server = await startProxy({ upstream: config.baseUrl });
    target = {
      mode: "provider",
      url: server.url,
      auth: config.auth,
      login: config.login,
      purchases: config.allowPurchase,
    };
    console.log(
      `provider contract: checking ${new URL(config.baseUrl).origin} through prism proxy at ${server.url}` +
        (config.allowPurchase ? " (purchases allowed)" : " (non-purchasing cases only)"),
    );
  } else {
    // A disagreement between Prism and the rule table fails the case that met it; the log says which it was.
    server = await startMock({
      onRequest: (request) => {
        if (request.fidelityWarning !== undefined) console.error(`contract mock: ${formatMockRequest(request)}`);
      },
    });
    // The mock starts its engine for invalid orders with the first one; start it here, so that no case's
    // timeout includes loading Prism (seconds on a busy machine).
    const warmUp = await postOrderRaw(server.url, {}, { authorization: mockToken });
    if (warmUp.status !== 422) throw new Error(`the mock answered an empty order with HTTP ${warmUp.status}, not 422`);
    const credentials = loginExample().credentials as ContractTarget["login"];
    target = { mode: "mock", url: server.url, auth: { token: mockToken }, login: credentials, purchases: true };
  }
  project.provide("contractTarget", target);
  return () => server.stop();
}
