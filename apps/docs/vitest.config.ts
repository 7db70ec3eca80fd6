import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The browser and dev-server tests start real processes; on a busy 2-core machine give them room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run one at a time: each browser or dev-server test already keeps both cores busy.
    fileParallelism: false,
  },
});
