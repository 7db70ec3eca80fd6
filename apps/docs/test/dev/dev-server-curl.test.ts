import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type BundledSpec, locateOperation, mockServer } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";
import { mockOrderCurl } from "../../src/dev/dev-server.js";
import { siteDir, workspaceRoot } from "../../src/site/locations.js";

describe("mockOrderCurl", () => {
  it.each([["http://127.0.0.1:4010"], ["http://127.0.0.1:54321/"]])(
    "aims the spec's curl sample at %s",
    async (mockUrl) => {
      const bundlePath = join(siteDir, "openapi.json");
      const spec = JSON.parse(await readFile(bundlePath, "utf8")) as BundledSpec;
      const target = mockUrl.replace(/\/$/, "");
      const curl = await mockOrderCurl(bundlePath, mockUrl);
      expect(curl).toMatch(/^curl /);
      expect(curl.split("\n").filter((line) => line.trimStart().startsWith("#"))).toEqual([]);
      expect(curl).toContain(`${target}${locateOperation(spec, "purchaseTollFreeNumbers").path}`);
      expect(curl).toContain("Authorization: YOUR_API_TOKEN");
      // The spec's own loopback server is gone, unless it is the mock's URL.
      const listed = mockServer(spec).origin;
      if (listed !== target) expect(curl).not.toContain(listed);
    },
  );

  it("says which file lacks the sample", async () => {
    const path = join(workspaceRoot, "package.json");
    await expect(mockOrderCurl(path, "http://127.0.0.1:4010")).rejects.toThrow(
      `${path} has no curl x-codeSamples entry`,
    );
  });
});
