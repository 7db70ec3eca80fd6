import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Type-level tests (*.test-d.ts): checked by tsc, each expectation and @ts-expect-error counted as a test.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // Real sockets and child processes: generous on a busy 2-core machine, never a timing assertion.
    testTimeout: 20_000,
  },
});
