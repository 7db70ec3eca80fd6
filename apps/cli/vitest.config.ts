import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts one Prism mock for the end-to-end tests and checks that dist/ is built.
    globalSetup: ["test/support/global-setup.ts"],
    // End-to-end tests spawn the CLI (and sometimes `script`) on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
