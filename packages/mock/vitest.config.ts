import { defineConfig } from "vitest/config";
import { readProviderConfig } from "./test/provider/provider-config.ts";

const provider = readProviderConfig(process.env);
const sharedContract = "test/contract/shared/**/*.test.ts";

/**
 * Three projects:
 * - `mock`: startMock, the bin, and the offline proof of provider mode (each starts its own Prism).
 * - `contract`: the contract suite against one mock started in globalSetup.
 * - `provider`: the shared part of the same suite through `prism proxy` in front of TF_API_BASE_URL, or,
 *   without the variables, a single skipped test that says provider mode is not configured.
 */
export default defineConfig({
  test: {
    // Most of the time goes to waiting on child processes (Prism, a nested vitest), so overlap files even on 2 cores.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: "mock",
          include: ["test/*.test.ts", "test/provider/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: [sharedContract, "test/contract/mock-only/**/*.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: "provider",
          include: provider.configured ? [sharedContract] : ["test/provider/not-configured/*.test.ts"],
          globalSetup: provider.configured ? ["test/contract/global-setup.ts"] : [],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
