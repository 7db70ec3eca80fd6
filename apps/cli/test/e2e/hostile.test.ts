import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeApiServer, startFakeApiServer } from "../support/fake-api-server.js";
import { runCli, startCli } from "../support/run-cli.js";
import { orderResponseExample } from "../support/spec-examples.js";

// The installed command against servers that reset, stall, flood and echo, and careless input: the exit code tells
// the truth, a purchase is sent at most once, no secret is printed in any form, and nothing grows without bound.
const order = ["order", "--quantity", "1", "--package-id", "1234567", "--service-area", "4", "--reference-id", "PO-77"];
const accepted = JSON.stringify(orderResponseExample("200", "orderAccepted"));
const token = "tok-hostile-cli-4e1a9b";

const servers: FakeApiServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function api(handle: Parameters<typeof startFakeApiServer>[0]): Promise<FakeApiServer> {
  const server = await startFakeApiServer(handle);
  servers.push(server);
  return server;
}
/** The server as the mock (no confirmation), with a token. */
const asMock = (server: FakeApiServer, extra: Record<string, string> = {}) => ({
  TF_API_BASE_URL: server.url,
  TF_MOCK_URL: server.url,
  TF_API_TOKEN: token,
  ...extra,
});
const posts = (server: FakeApiServer) => server.requests.filter((request) => request.method === "POST").length;
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("a closed stdout or stderr never changes the exit code", () => {
  it.each([
    ["stdout closed after an accepted purchase", { closeStdout: true }, 0],
    ["stdout and stderr closed after an accepted purchase", { closeStdout: true, closeStderr: true }, 0],
  ])("%s", async (_name, streams, code) => {
    const server = await api({ kind: "json", status: 200, body: JSON.parse(accepted) });
    const run = await runCli([...order, "--json"], { env: asMock(server), ...streams });
    expect(run.code).toBe(code);
    expect(posts(server)).toBe(1);
  });

  it("stderr closed while a 402 is reported: still exit 4", async () => {
    const server = await api({ kind: "json", status: 402, body: orderResponseExample("402", "trialLimitExceeded") });
    const run = await runCli(order, { env: asMock(server), closeStderr: true });
    expect(run.code).toBe(4);
  });
});

describe("Ctrl-C or SIGTERM", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s while the purchase is in flight: exit 6, the advice, one POST",
    async (signal) => {
      const server = await api({ kind: "hang" });
      const { child, done } = startCli(order, { env: asMock(server) });
      await until(() => posts(server) === 1);
      child.kill(signal);
      const run = await done;
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(new RegExp(`interrupted by ${signal} while the purchase was on its way`));
      expect(run.stderr).toMatch(/look for referenceID 'PO-77' in your orders before retrying/);
      expect(posts(server)).toBe(1);
    },
  );

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s while the login is in flight: nothing was sent, exit %i", async (signal, code) => {
    const server = await api({ kind: "hang" });
    const env = { ...asMock(server), TF_API_TOKEN: "", TF_API_USERNAME: "operator", TF_API_PASSWORD: "pw-hostile-cli" };
    const { child, done } = startCli(order, { env });
    await until(() => server.requests.length === 1);
    child.kill(signal);
    const run = await done;
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(new RegExp(`interrupted by ${signal}; nothing was sent`));
    expect(server.requests.map((request) => request.url)).toEqual(["/_rest/v4/authenticate"]);
  });
});

describe("hostile answers", () => {
  it("an endless 200: exit 6 (outcome unknown), and the connection is closed", async () => {
    let written = 0;
    const server = await api({
      kind: "handler",
      handle: (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, "[");
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) written += chunk.length;
          if (!response.destroyed) response.once("drain", pump);
        };
        response.on("error", () => undefined);
        pump();
      },
    });
    const run = await runCli(order, { env: asMock(server) });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/larger than 65536 bytes/);
    expect(written).toBeLessThan(32 * 1024 * 1024);
    expect(posts(server)).toBe(1);
  });

  // Node 20 and 22 read this answer as a response, Node 24 and 26 as a failed fetch: exit 6 on each, never 7 (which
  // would say that nothing was sent).
  it("an answer with a header name undici may reject (space before the colon): exit 6, one POST", async () => {
    const server = await api({
      kind: "handler",
      handle: (_request, response) =>
        response.socket?.end("HTTP/1.1 200 OK\r\nX-Odd : 1\r\nContent-Length: 2\r\n\r\n{}"),
    });
    const run = await runCli(order, { env: asMock(server) });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/look for referenceID 'PO-77' in your orders before retrying/);
    expect(posts(server)).toBe(1);
  });

  it.each(["pw_SECRET_456\n", 'pw"SECRET\\456', "pw SECRET/456"])(
    "a login 401 that echoes the password %j, JSON-escaped or percent-encoded: not printed",
    async (password) => {
      const server = await api({
        kind: "handler",
        handle: (request, response) => {
          const error = `Unauthorized: ${request.body} ${encodeURIComponent(request.body)}`;
          response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ code: 401, error }));
        },
      });
      const env = { TF_API_BASE_URL: server.url, TF_API_USERNAME: "operator", TF_API_PASSWORD: password };
      for (const args of [["login"], ["login", "--json"]]) {
        const run = await runCli(args, { env });
        expect(run.code).toBe(3);
        const printed = (run.stdout + run.stderr).toLowerCase();
        const forms = [password, JSON.stringify(password).slice(1, -1), encodeURIComponent(password)];
        for (const form of forms) expect(printed).not.toContain(form.toLowerCase());
        expect(printed).toContain("[redacted]");
      }
    },
  );
});

describe("careless input", () => {
  const file = async (name: string, content: string | Uint8Array) => {
    const path = join(tmpdir(), `tf-orders-hostile-${process.pid}-${name}`);
    await writeFile(path, content);
    return path;
  };

  it.each([
    ["user information", "http://operator:pw-in-url@127.0.0.1:99999", ["operator", "pw-in-url"]],
    ["a query", "http://127.0.0.1:99999/?key=tok-in-query", ["tok-in-query"]],
  ])("an unusable TF_API_BASE_URL with %s is not quoted whole", async (_name, url, hidden) => {
    const run = await runCli(order, { env: { TF_API_BASE_URL: url } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/TF_API_BASE_URL/);
    for (const part of hidden) expect(run.stderr).not.toContain(part);
  });

  it("a --body over 1 MiB is refused before it is parsed", async () => {
    const path = await file("big.json", `{"numbers":[${"7,".repeat(600_000)}7]}`);
    const run = await runCli(["order", "--body", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/larger than 1048576 bytes/);
  });

  it("--body /dev/zero is refused after 1 MiB, not read forever", async () => {
    const run = await runCli(["order", "--body", "/dev/zero"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/larger than 1048576 bytes/);
  });

  it("a 1 MiB body of bad items: a bounded report", async () => {
    const path = await file("bad-items.json", `{"numbers":[${"7,".repeat(250_000)}7],"packageID":1,"serviceArea":4}`);
    const human = await runCli(["order", "--body", path]);
    expect(human.code).toBe(2);
    expect(human.stderr.length).toBeLessThan(4000);
    expect(human.stderr).toMatch(/…and 249981 more problems/);
    const json = await runCli(["order", "--body", path, "--json"]);
    const report = JSON.parse(json.stderr).error;
    expect(report.problems).toHaveLength(50);
    expect(report.moreProblems).toBe(250_001 - 50);
  });

  it("invalid UTF-8 is refused, saying where", async () => {
    const bytes = Buffer.concat([Buffer.from('{"quantity":1,\n"Notes":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const run = await runCli(["order", "--body", "-", "--dry-run"], { stdin: bytes });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/standard input is not valid UTF-8 at byte offset 27 \(line 2, column 13\)/);
  });

  it.each(["9007199254740993", "1e21"])("an integer JavaScript cannot hold exactly (%s) is refused", async (number) => {
    const run = await runCli(["order", "--body", "-", "--dry-run"], {
      stdin: `{"quantity":1,"packageID":${number},"serviceArea":4}`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("The 'packageID' parameter must be formatted as a(n) integer.");
    expect(run.stdout).toBe("");
  });
});
