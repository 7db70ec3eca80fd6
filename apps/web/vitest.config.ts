import { defineConfig } from "vitest/config";
import { specFacts } from "./build/spec-facts.ts";

export default defineConfig({
  plugins: [specFacts()],
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Browser tests drive one Chromium per file; on a shared 2-core machine give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
