import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real sockets and child processes: generous on a busy 2-core machine, never a timing assertion.
    testTimeout: 20_000,
  },
});
