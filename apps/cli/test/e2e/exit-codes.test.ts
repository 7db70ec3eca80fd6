import { afterEach, describe, expect, inject, it } from "vitest";
import type { FakeApiServer } from "../support/fake-api-server.js";
import { startFakeApiServer, unusedLocalUrl } from "../support/fake-api-server.js";
import { runCli } from "../support/run-cli.js";
import { LOGIN_ENV, TOKEN_ENV } from "../support/secrets.js";
import { orderResponseExample } from "../support/spec-examples.js";

const order = ["order", "--quantity", "1", "--package-id", "1234567", "--service-area", "4"];
const mockEnv = { ...TOKEN_ENV, TF_MOCK_URL: inject("mockUrl") };

const servers: FakeApiServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function fakeServer(...args: Parameters<typeof startFakeApiServer>): Promise<FakeApiServer> {
  const server = await startFakeApiServer(...args);
  servers.push(server);
  return server;
}

function serverMessage(status: string, example: string): string {
  return String(orderResponseExample(status, example).error);
}

describe("exit code 2: usage and validation errors send nothing", () => {
  it.each([
    ["an unknown option", [...order, "--quantiy", "2"], /--quantiy/],
    [
      "a non-integer quantity",
      ["order", "--quantity", "two", "--package-id", "1234567", "--service-area", "4"],
      /--quantity must be a whole number/,
    ],
    [
      "a service area the spec does not allow",
      ["order", "--quantity", "1", "--package-id", "1234567", "--service-area", "9"],
      /--service-area \(serviceArea\): The 'serviceArea' parameter/,
    ],
    [
      "a missing package ID",
      ["order", "--quantity", "1", "--service-area", "4"],
      /--package-id \(packageID\): The 'packageID' parameter is required/,
    ],
    [
      "a number that is not toll-free",
      ["order", "--number", "212-555-0100", "--package-id", "1234567", "--service-area", "4"],
      /--number "212-555-0100"/,
    ],
    [
      "--body mixed with order flags",
      ["order", "--body", "-", "--quantity", "1"],
      /--body cannot be combined with order flags \(--quantity\)/,
    ],
    ["a --body that is not JSON", ["order", "--body", "-"], /--body: standard input is not valid JSON/, "{ not json"],
    [
      "a --body that breaks the spec",
      ["order", "--body", "-"],
      /packageID: The 'packageID' parameter is required/,
      '{"quantity": 1, "serviceArea": 4}',
    ],
    ["an unknown command", ["buy"], /unknown command "buy"/],
  ])("%s", async (_name, args, message, stdin?: string) => {
    const server = await fakeServer({ kind: "json", status: 200, body: {} });
    const run = await runCli([...args, "--base-url", server.url, "--yes"], {
      env: TOKEN_ENV,
      ...(stdin === undefined ? {} : { stdin }),
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(server.requests).toHaveLength(0);
  });

  it("with --json, the error is one JSON object on stderr listing each field", async () => {
    const run = await runCli(["order", "--quantity", "0", "--service-area", "4", "--json", "--dry-run"]);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stderr) as { error: { exitCode: number; problems: Array<{ field: string }> } };
    expect(error.exitCode).toBe(2);
    expect(error.problems.map((p) => p.field).sort()).toEqual(["--package-id (packageID)", "--quantity (quantity)"]);
  });
});

describe("exit codes 3 to 5: the API said no (via the mock and its Prefer header)", () => {
  it.each([
    [
      "3, a session that expired (token only)",
      "code=401, example=sessionExpired",
      3,
      serverMessage("401", "sessionExpired"),
    ],
    [
      "4, the trial limit exceeded",
      "code=402, example=trialLimitExceeded",
      4,
      serverMessage("402", "trialLimitExceeded"),
    ],
    [
      "4, the trial limit realized",
      "code=402, example=trialLimitRealized",
      4,
      serverMessage("402", "trialLimitRealized"),
    ],
    ["5, not acceptable", "code=406", 5, serverMessage("406", "notAcceptable")],
    ["5, a rejected parameter", "code=422, example=serviceAreaInvalid", 5, serverMessage("422", "serviceAreaInvalid")],
  ])("exit %s", async (_name, prefer, code, message) => {
    const run = await runCli([...order, "--header", `Prefer: ${prefer}`], { env: mockEnv });
    expect(run.code, run.stderr).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("names the parameter the server rejected", async () => {
    const run = await runCli([...order, "--header", "Prefer: code=422, example=serviceAreaInvalid"], { env: mockEnv });
    expect(run.stderr).toContain("parameter: serviceArea");
  });

  it("with --json, stderr is one JSON line carrying the status, the message and the parameter", async () => {
    const run = await runCli([...order, "--json", "--header", "Prefer: code=422, example=serviceAreaInvalid"], {
      env: mockEnv,
    });
    expect(run.code).toBe(5);
    expect(run.stdout).toBe("");
    expect(JSON.parse(run.stderr)).toEqual({
      error: expect.objectContaining({
        exitCode: 5,
        status: 422,
        parameter: "serviceArea",
        message: expect.stringContaining(serverMessage("422", "serviceAreaInvalid")),
      }),
    });
  });

  it("with --json, a 402 carries the trial limit kind and the seats its message names", async () => {
    const message = serverMessage("402", "trialLimitExceeded");
    const run = await runCli([...order, "--json", "--header", "Prefer: code=402, example=trialLimitExceeded"], {
      env: mockEnv,
    });
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stderr)).toEqual({
      error: expect.objectContaining({
        exitCode: 4,
        status: 402,
        kind: "trial-limit-exceeded",
        seats: Number(/(\d+) seats/.exec(message)?.[1]),
      }),
    });
  });

  it("exit 3 for a real host without credentials, before sending anything", async () => {
    const server = await fakeServer({ kind: "json", status: 200, body: {} });
    const run = await runCli([...order, "--base-url", server.url, "--yes"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`no credentials for ${new URL(server.url).host}`);
    expect(server.requests).toHaveLength(0);
  });

  it("exit 3 when the login before the order is refused", async () => {
    const run = await runCli([...order, "--header", "Prefer: code=401"], {
      env: { ...LOGIN_ENV, TF_MOCK_URL: inject("mockUrl") },
    });
    expect(run.code, run.stderr).toBe(3);
  });
});

describe("exit code 6: the outcome of the purchase is unknown", () => {
  it.each([
    ["the connection drops after the order was sent", { kind: "reset" } as const, []],
    // Long enough for a fresh process's first fetch to reach the server before it fires, on a busy machine too.
    ["the answer takes longer than --timeout", { kind: "hang" } as const, ["--timeout", "2000"]],
  ])("%s: says to check the orders, and does not retry", async (_name, behaviour, extra) => {
    const server = await fakeServer(behaviour);
    const run = await runCli([...order, "--reference-id", "PO-e2e-1", "--base-url", server.url, "--yes", ...extra], {
      env: TOKEN_ENV,
    });
    expect(run.code, run.stderr).toBe(6);
    expect(run.stderr).toContain("outcome unknown — look for referenceID 'PO-e2e-1' in your orders before retrying");
    expect(run.stderr.match(/your orders/gi), "the advice is given once").toHaveLength(1);
    // Sent at most once. Under load the timeout can fire before the request was even written: the outcome is still
    // unknown to the CLI, and still not retried.
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });
});

describe("exit code 7: the API cannot be reached", () => {
  it("hints at starting the mock when the mock is not running", async () => {
    const run = await runCli(order, { env: { TF_MOCK_URL: await unusedLocalUrl() } });
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toContain("npm run mock");
  });
});
