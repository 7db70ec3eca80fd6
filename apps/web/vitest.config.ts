import { defineConfig } from "vitest/config";
import { specFacts } from "./build/spec-facts.ts";

export default defineConfig({
  plugins: [specFacts()],
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Browser tests drive one Chromium per file; on a shared 2-core machine give them room.
    // Two workers, so the two browser files overlap: most of their time is spent waiting on Chromium and Prism.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
