import { inject } from "vitest";
import type { Credentials } from "../../provider/provider-config.ts";

/** Where the contract suite runs and what it may do there; provided once per run by the global setup. */
export interface ContractTarget {
  /** `mock`: Prism serving the spec's examples. `provider`: `prism proxy` in front of a real server. */
  mode: "mock" | "provider";
  /** Base URL of the mock or of the validating proxy. */
  url: string;
  /** How calls are authorised. */
  auth: { token: string } | { credentials: Credentials };
  /** Credentials for the login case; undefined when provider mode only has a token. */
  login: Credentials | undefined;
  /** Whether cases that place an order may run (always against the mock; opt-in against a provider). */
  purchases: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    contractTarget: ContractTarget;
  }
}

/** The target of this run. */
export function contractTarget(): ContractTarget {
  return inject("contractTarget");
}

/** A test-name suffix that says why a purchasing case is skipped against a provider. */
export const purchaseGate = "(places a real order: set TF_CONTRACT_ALLOW_PURCHASE=1)";
