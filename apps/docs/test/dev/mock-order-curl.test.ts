import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mockOrderCurl } from "../../src/dev/mock-order-curl.js";
import { siteDir, workspaceRoot } from "../../src/site/locations.js";

describe("mockOrderCurl", () => {
  it.each([["http://127.0.0.1:4010"], ["http://127.0.0.1:54321/"]])("aims the spec's curl sample at %s", async (mockUrl) => {
    const curl = await mockOrderCurl(join(siteDir, "openapi.json"), mockUrl);
    const sample = await readFile(join(workspaceRoot, "spec", "code-samples", "purchase-toll-free-numbers.sh"), "utf8");
    const command = sample.split("\n").filter((line) => !line.startsWith("#")).join("\n").trim();
    expect(curl).toBe(command.replace("http://127.0.0.1:4010", mockUrl.replace(/\/$/, "")));
    expect(curl).toMatch(/^curl .*\/_rest\/v3\/my\/tf\/orders/);
    expect(curl).toContain("Authorization: YOUR_API_TOKEN");
  });

  it("says which file lacks the sample", async () => {
    const path = join(workspaceRoot, "package.json");
    await expect(mockOrderCurl(path, "http://127.0.0.1:4010")).rejects.toThrow(`${path} has no curl x-codeSamples entry`);
  });
});
