import { afterEach, describe, expect, inject, it } from "vitest";
import type { FakeApiServer } from "../support/fake-api-server.js";
import { startFakeApiServer } from "../support/fake-api-server.js";
import { runCli } from "../support/run-cli.js";
import { runCliOnTerminal } from "../support/run-cli-on-terminal.js";
import { TOKEN_ENV } from "../support/secrets.js";

const order = ["order", "--quantity", "2", "--package-id", "1234567", "--service-area", "4"];
const accepted = { orderID: 42, batches: [{ batchID: 420 }] };

let server: FakeApiServer;
afterEach(async () => {
  await server.close();
});
async function realHost(): Promise<FakeApiServer> {
  server = await startFakeApiServer({ kind: "json", status: 200, body: accepted });
  return server;
}

describe("purchases off the mock need confirmation", () => {
  it("are refused without --yes when stdin is not a terminal, sending nothing", async () => {
    const { url } = await realHost();
    const run = await runCli([...order, "--base-url", url], { env: TOKEN_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `refusing to purchase on ${new URL(url).host} without --yes (stdin is not a terminal)`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("go ahead with --yes", async () => {
    const { url } = await realHost();
    const run = await runCli([...order, "--base-url", url, "--yes", "--json"], { env: TOKEN_ENV });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(accepted);
    expect(server.requests).toHaveLength(1);
  });

  it("are not asked for on the mock (declared with TF_MOCK_URL)", async () => {
    const run = await runCli([...order, "--json"], { env: { ...TOKEN_ENV, TF_MOCK_URL: inject("mockUrl") } });
    expect(run.code, run.stderr).toBe(0);
  });

  it("are asked for even on a loopback host that is not the declared mock", async () => {
    const { url } = await realHost();
    const run = await runCli([...order, "--base-url", url], { env: { ...TOKEN_ENV, TF_MOCK_URL: inject("mockUrl") } });
    expect(run.code).toBe(2);
    expect(server.requests).toHaveLength(0);
  });
});

// Needs util-linux `script` (Debian: bsdutils), which gives the CLI a real terminal as stdin.
describe("on a terminal (a pseudo-terminal through `script`)", () => {
  it.each([
    ["y", 0, 1],
    ["yes", 0, 1],
    ["n", 2, 0],
    ["", 2, 0],
  ])("answering %j exits %d after %d request(s)", async (answer, code, requests) => {
    const { url } = await realHost();
    const run = await runCliOnTerminal([...order, "--base-url", url], `${answer}\n`, TOKEN_ENV);
    expect(run.code, run.stdout).toBe(code);
    expect(run.stdout).toContain(
      `Purchase 2 numbers (any available) for package 1234567 in service area 4 on ${new URL(url).host}? This is billed. [y/N]`,
    );
    expect(run.stdout).toContain(
      code === 0 ? `order ID:  ${accepted.orderID}` : "purchase not confirmed; nothing was sent",
    );
    expect(server.requests).toHaveLength(requests);
  });

  it("Ctrl-C at the prompt ends it: exit 130, nothing sent", async () => {
    const { url } = await realHost();
    const run = await runCliOnTerminal([...order, "--base-url", url], "\u0003", TOKEN_ENV, /\[y\/N\] /);
    expect(run.code, run.stdout).toBe(130);
    expect(run.stdout).toContain("interrupted by SIGINT; nothing was sent");
    expect(server.requests).toHaveLength(0);
  });
});
