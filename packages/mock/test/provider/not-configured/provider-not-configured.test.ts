import { describe, it } from "vitest";
import { readProviderConfig } from "../provider-config.ts";

const config = readProviderConfig(process.env);
const reason = config.configured ? "configured" : config.reason;

// Provider mode must never look green when it did not run: report it as skipped, with what is missing.
console.warn(`provider contract: not configured — ${reason}; it did not run.`);

describe("provider contract", () => {
  it.skip(`not configured: ${reason}`, () => {});
});
