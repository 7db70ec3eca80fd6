import { afterEach, describe, expect, it } from "vitest";
import type { FakeApiServer } from "../support/fake-api-server.js";
import { startFakeApiServer } from "../support/fake-api-server.js";
import { runCli } from "../support/run-cli.js";
import { TOKEN_ENV } from "../support/secrets.js";

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("tf-orders order --dry-run", () => {
  it.each([
    ["with credentials, on a real host, without --yes", TOKEN_ENV],
    ["without any credentials", {}],
  ])("sends nothing %s, and prints the order on stdout", async (_name, env) => {
    server = await startFakeApiServer({ kind: "json", status: 200, body: {} });
    const run = await runCli(
      [
        "order",
        "--quantity",
        "3",
        "--package-id",
        "1234567",
        "--service-area",
        "2",
        "--base-url",
        server.url,
        "--dry-run",
      ],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ quantity: 3, packageID: 1234567, serviceArea: 2 });
    expect(run.stderr).toContain(
      `dry run: nothing sent (would POST 3 numbers (any available) for package 1234567 in service area 2 to ${server.url}/_rest/v3/my/tf/orders)`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("the same order without --dry-run reaches the counting server exactly once (the control)", async () => {
    server = await startFakeApiServer({ kind: "json", status: 200, body: { orderID: 7, batches: [{ batchID: 70 }] } });
    const run = await runCli(
      [
        "order",
        "--quantity",
        "3",
        "--package-id",
        "1234567",
        "--service-area",
        "2",
        "--base-url",
        server.url,
        "--yes",
        "--json",
      ],
      { env: TOKEN_ENV },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ orderID: 7, batches: [{ batchID: 70 }] });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/_rest/v3/my/tf/orders" });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ quantity: 3, packageID: 1234567, serviceArea: 2 });
    // The token goes to the server it is meant for, raw; just never to the terminal.
    expect(server.requests[0]?.headers.authorization).toBe(TOKEN_ENV.TF_API_TOKEN);
  });
});
