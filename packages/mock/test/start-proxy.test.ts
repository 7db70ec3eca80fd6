import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxy } from "../src/start-proxy.js";
import { requestExamples } from "./contract/support/purchase-examples.ts";
import { postOrderRaw, violations } from "./contract/support/raw-order.ts";
import { type FakeProvider, startFakeProvider } from "./provider/fake-provider.ts";
import { isRunning } from "./support/process-alive.ts";

describe("startProxy", () => {
  it.each([
    ["not a URL", /upstream must be an absolute http\(s\) URL, got "not a URL"/],
    ["ftp://example.com", /upstream must be an http\(s\) URL, got protocol ftp:/],
  ])("rejects the upstream %s before starting anything", async (upstream, message) => {
    await expect(startProxy({ upstream })).rejects.toThrow(message);
  });

  describe("in front of a server whose accepted order lacks batches", () => {
    let fake: FakeProvider;
    beforeAll(async () => {
      fake = await startFakeProvider();
    });
    afterAll(async () => {
      await fake.close();
    });

    it("forwards every order, and turns a response that breaks the spec into a 500 naming the violation", async () => {
      const proxy = await startProxy({ upstream: fake.url });
      try {
        const [[, order] = []] = requestExamples();
        const headers = { authorization: "fake-provider-token", accept: "application/json" };

        const accepted = await postOrderRaw(proxy.url, order, headers);
        expect(accepted.status).toBe(500);
        expect(accepted.contentType).toMatch(/^application\/problem\+json/);
        expect(violations(accepted.headers)).toEqual([
          expect.objectContaining({ location: ["response", "body"], message: expect.stringContaining("'batches'") }),
        ]);

        // Requests are not validated by the proxy: the server's own 422 comes back, checked and unchanged.
        const rejected = await postOrderRaw(proxy.url, { ...(order as object), packageID: "one" }, headers);
        expect(rejected.status).toBe(422);
        expect(rejected.contentType).toMatch(/^application\/json/);
        expect(rejected.body).toMatchObject({ code: 422, error: expect.stringContaining("'packageID'") });
        expect(violations(rejected.headers)).toEqual([]);
        expect(fake.accepted()).toBe(1);
      } finally {
        await proxy.stop();
      }
      expect(isRunning(proxy.pid)).toBe(false);
    });
  });
});
