import { createRequire } from "node:module";
import type { Order, OrderRequest } from "@tf-orders/client";
import { AuthenticationError, ConnectionError, createTollFreeClient, PaymentRequiredError } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import type { ClientFactory } from "../src/commands/command.js";
import { MOCK_PLACEHOLDER_CREDENTIALS, MOCK_PLACEHOLDER_TOKEN } from "../src/credentials.js";
import { ExitCode } from "../src/errors.js";
import { run } from "../src/run.js";
import { DEFAULT_MOCK_URL } from "../src/target.js";
import { clientError } from "./support/client-error.js";
import { fakeIo } from "./support/fake-io.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const accepted: Order = { orderID: 11, batches: [{ batchID: 21 }, { batchID: 22 }] };
const quantityOrder = ["order", "--quantity", "2", "--package-id", "1234567", "--service-area", "4"];
const production = "https://customer.intelepeer.com";

/** A client factory that records what it was asked and answers with `outcome`. */
function fakeClients(outcome: { order?: Order; error?: unknown; token?: string } = { order: accepted }) {
  const created: Array<Parameters<ClientFactory>[0]> = [];
  const purchases: OrderRequest[] = [];
  const factory: ClientFactory = (options) => {
    created.push(options);
    return {
      purchaseTollFreeNumbers: async (order) => {
        purchases.push(order);
        if (outcome.error !== undefined) throw outcome.error;
        return outcome.order ?? accepted;
      },
      authenticate: async () => {
        if (outcome.error !== undefined) throw outcome.error;
        return outcome.token ?? "fresh-token";
      },
    };
  };
  return { factory, created, purchases };
}

describe("run: the tool itself", () => {
  it.each([["--version"], ["-V"]])("%s prints the package version", async (flag) => {
    const io = fakeIo();
    expect(await run([flag], io)).toBe(ExitCode.Ok);
    expect(io.out()).toBe(`${version}\n`);
  });

  it("with no arguments prints the help on stderr and exits 2", async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(ExitCode.Usage);
    expect(io.err()).toContain("Usage: tf-orders <command>");
    expect(io.out()).toBe("");
  });

  it.each([
    [["--help"], "Usage: tf-orders <command>"],
    [["help", "order"], "Usage: tf-orders order"],
    [["order", "--help"], "Usage: tf-orders order"],
    [["login", "-h"], "Usage: tf-orders login"],
  ])("%j prints help on stdout", async (args, heading) => {
    const io = fakeIo();
    expect(await run(args, io)).toBe(ExitCode.Ok);
    expect(io.out()).toContain(heading);
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["20"], "Unexpected argument '20'. This command does not take positional arguments"],
    [["--quantity", "1", "--quantity", "2"], "--quantity was given more than once"],
    [["--package-id", "-5"], "Option '--package-id' argument is ambiguous."],
  ])("order %j: the argument error names the command once", async (args, firstLine) => {
    const io = fakeIo();
    expect(await run(["order", ...args], io)).toBe(ExitCode.Usage);
    expect(io.err().split("\n")[0]).toBe(`tf-orders order: ${firstLine}`);
  });

  it("reports an option before the command as a usage error", async () => {
    const io = fakeIo();
    expect(await run(["--json", "order"], io)).toBe(ExitCode.Usage);
    expect(io.err()).toContain("--json must come after a command");
  });
});

describe("run: order", () => {
  it("trims TF_API_TOKEN (a token read from a file often ends in a line break)", async () => {
    const io = fakeIo({ env: { TF_API_TOKEN: "tok-5f1c2d9e8b7a4c3f\n" } });
    const clients = fakeClients();
    expect(await run(quantityOrder, io, clients.factory)).toBe(ExitCode.Ok);
    expect(clients.created[0]).toMatchObject({ token: "tok-5f1c2d9e8b7a4c3f" });
  });

  it.each([
    [
      "a header value HTTP cannot carry",
      ["--header", "X-Note: 5 €"],
      /the header "X-Note" has a name or value that HTTP cannot carry/,
    ],
    ["a token with a non-ASCII letter", [], /the token is not a token a header can carry/],
  ])(
    "a setting the client refuses (%s) is a usage error, exit 2, and nothing is sent",
    async (_name, extra, message) => {
      const io = fakeIo({ env: { TF_API_TOKEN: extra.length ? "tok-5f1c2d9e8b7a4c3f" : "tok-5f1c2d9e8b7a4c3fé" } });
      let sent = 0;
      const counting: ClientFactory = (options) => {
        const client = createTollFreeClient({
          ...options,
          fetch: async () => {
            sent++;
            return new Response("{}");
          },
        });
        return client;
      };
      expect(await run([...quantityOrder, ...extra], io, counting)).toBe(ExitCode.Usage);
      expect(io.err()).toMatch(message);
      expect(io.err()).toMatch(/nothing was sent\./i);
      expect(io.err()).not.toMatch(/nothing was sent.*nothing was sent/is);
      expect(io.err()).not.toContain("internal error");
      expect(io.err()).not.toContain("5f1c2d9e8b7a4c3f");
      expect(sent).toBe(0);
    },
  );

  it.each(["0", "2147483648"])(
    "refuses --timeout %s, which setTimeout cannot honour, as a usage error (nothing sent)",
    async (timeout) => {
      const io = fakeIo();
      let sent = 0;
      const counting: ClientFactory = (options) =>
        createTollFreeClient({
          ...options,
          fetch: async () => {
            sent++;
            return new Response("{}");
          },
        });
      expect(await run([...quantityOrder, "--timeout", timeout], io, counting)).toBe(ExitCode.Usage);
      expect(io.err()).toContain(
        `timeoutMs must be a whole number of milliseconds from 1 to 2147483647, got ${timeout}. Nothing was sent.`,
      );
      expect(sent).toBe(0);
    },
  );

  it("sends the order once to the default mock with a placeholder token, and summarises the result", async () => {
    const io = fakeIo();
    const clients = fakeClients();
    expect(await run(quantityOrder, io, clients.factory)).toBe(ExitCode.Ok);
    expect(clients.created).toEqual([
      expect.objectContaining({
        baseUrl: DEFAULT_MOCK_URL,
        token: MOCK_PLACEHOLDER_TOKEN,
        headers: {},
        userAgent: `tf-orders-cli/${version}`,
      }),
    ]);
    expect(clients.purchases).toEqual([{ quantity: 2, packageID: 1234567, serviceArea: 4 }]);
    expect(io.out()).toBe("Order accepted.\n  order ID:  11\n  batch IDs: 21, 22\n");
    expect(io.err()).toContain(`${DEFAULT_MOCK_URL} is the local mock`);
  });

  it("passes --header, --timeout and user credentials to the client", async () => {
    const io = fakeIo({ env: { TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-123456" } });
    const clients = fakeClients();
    await run([...quantityOrder, "--header", "Prefer: code=402", "--timeout", "1500"], io, clients.factory);
    expect(clients.created[0]).toMatchObject({
      headers: { Prefer: "code=402" },
      timeoutMs: 1500,
      credentials: { username: "alice", password: "pw-123456" },
    });
  });

  it("--dry-run never creates a client", async () => {
    const io = fakeIo();
    const clients = fakeClients();
    expect(await run([...quantityOrder, "--dry-run", "--base-url", production], io, clients.factory)).toBe(ExitCode.Ok);
    expect(clients.created).toEqual([]);
    expect(JSON.parse(io.out())).toEqual({ quantity: 2, packageID: 1234567, serviceArea: 4 });
  });

  it.each([
    ["y", ExitCode.Ok, 1],
    ["n", ExitCode.Usage, 0],
  ])("off the mock on a terminal, answering %j exits %d after %d purchase(s)", async (answer, code, purchases) => {
    const io = fakeIo({ stdinIsTTY: true, answers: [answer], env: { TF_API_TOKEN: "tok-123456" } });
    const clients = fakeClients();
    expect(await run([...quantityOrder, "--base-url", production], io, clients.factory)).toBe(code);
    expect(io.prompts).toEqual([
      `Purchase 2 numbers (any available) for package 1234567 in service area 4 on customer.intelepeer.com? This is billed. [y/N] `,
    ]);
    expect(clients.purchases).toHaveLength(purchases);
  });

  it("asks nothing and buys nothing off the mock when credentials are missing", async () => {
    const io = fakeIo({ stdinIsTTY: true, answers: ["y"] });
    const clients = fakeClients();
    expect(await run([...quantityOrder, "--base-url", production], io, clients.factory)).toBe(ExitCode.Authentication);
    expect(io.prompts).toEqual([]);
    expect(clients.created).toEqual([]);
  });

  it("maps a client error to its exit code, as JSON on stderr with --json", async () => {
    const io = fakeIo();
    const clients = fakeClients({
      error: clientError(PaymentRequiredError, {
        message: "Order too large; trial limit exceeded. Available: 3 seats.",
        status: 402,
      }),
    });
    expect(await run([...quantityOrder, "--json"], io, clients.factory)).toBe(ExitCode.PaymentRequired);
    expect(io.out()).toBe("");
    // Nothing but the JSON line on stderr: no human note about the mock.
    expect(JSON.parse(io.err())).toMatchObject({
      error: { exitCode: 4, status: 402, message: expect.stringContaining("Available: 3 seats.") },
    });
  });

  it("with --json, a 402 carries the trial limit kind and the seats the client read from the message", async () => {
    const io = fakeIo();
    const error = clientError(PaymentRequiredError, {
      message: "Order too large; trial limit exceeded. Available: 3 seats.",
      status: 402,
      kind: "trial-limit-exceeded",
      seats: 3,
    });
    expect(await run([...quantityOrder, "--json"], io, fakeClients({ error }).factory)).toBe(ExitCode.PaymentRequired);
    expect(JSON.parse(io.err())).toMatchObject({
      error: { exitCode: 4, status: 402, kind: "trial-limit-exceeded", seats: 3 },
    });
  });

  it.each([
    [
      "a user and password",
      { TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-123456" },
      /the session expired again right after a fresh login with TF_API_USERNAME and TF_API_PASSWORD/,
      /token/,
    ],
    [
      "a token",
      { TF_API_TOKEN: "tok-123456" },
      /the token has expired: get a new one \(tf-orders login --print-token\)/,
      /fresh login/,
    ],
  ])('after "Session Expired" with %s, the hint is about the credentials used', async (_name, env, hint, notHint) => {
    const io = fakeIo({ env });
    const error = clientError(AuthenticationError, {
      message: "Session Expired",
      status: 401,
      reason: "session-expired",
    });
    expect(await run(quantityOrder, io, fakeClients({ error }).factory)).toBe(ExitCode.Authentication);
    const hintLine =
      io
        .err()
        .split("\n")
        .find((line) => line.startsWith("  hint: ")) ?? "";
    expect(hintLine).toMatch(hint);
    expect(hintLine).not.toMatch(notHint);
  });

  it("masks the token and password if an error message ever carried them", async () => {
    const io = fakeIo({ env: { TF_API_TOKEN: "tok-leaky-123", TF_API_PASSWORD: "pw-leaky-456" } });
    const clients = fakeClients({ error: new Error("echo: tok-leaky-123 / pw-leaky-456") });
    expect(await run(quantityOrder, io, clients.factory)).toBe(ExitCode.OutcomeUnknown);
    expect(io.err()).toContain("echo: [redacted] / [redacted]");
  });

  it("reports an error outside any purchase as an internal error (exit 1)", async () => {
    const io = fakeIo();
    const factory: ClientFactory = () => {
      throw new Error("cannot build client");
    };
    expect(await run(quantityOrder, io, factory)).toBe(ExitCode.Internal);
    expect(io.err()).toContain("internal error: cannot build client");
  });
});

describe("run: login", () => {
  it("never prints the token without --print-token", async () => {
    const io = fakeIo({ env: { TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-123456" } });
    const clients = fakeClients({ token: "the-fresh-token" });
    expect(await run(["login", "--base-url", production], io, clients.factory)).toBe(ExitCode.Ok);
    expect(io.out()).toBe("credentials work: logged in to customer.intelepeer.com as alice\n");
    expect(io.out() + io.err()).not.toContain("the-fresh-token");
    expect(clients.created[0]).toMatchObject({
      baseUrl: production,
      credentials: { username: "alice", password: "pw-123456" },
    });
  });

  it.each([
    [
      "a user without a password",
      ["login"],
      { TF_API_USERNAME: "alice" },
      undefined,
      "tf-orders login: TF_API_PASSWORD is not set (TF_API_USERNAME is): set both\n",
    ],
    [
      "a real host without credentials",
      ["login", "--base-url", production],
      {},
      undefined,
      "tf-orders login: no credentials for customer.intelepeer.com: set TF_API_USERNAME and TF_API_PASSWORD\n",
    ],
    [
      "a 401 answer to the login",
      ["login", "--base-url", production],
      { TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-123456" },
      clientError(AuthenticationError, { message: "Unauthorized", status: 401, reason: "unauthorized" }),
      "tf-orders login: authentication failed (401): Unauthorized\n  hint: check TF_API_USERNAME and TF_API_PASSWORD (the user needs API access)\n",
    ],
  ])("with %s, says what login uses (never TF_API_TOKEN) and exits 3", async (_name, args, env, error, stderr) => {
    const io = fakeIo({ env });
    expect(await run(args, io, fakeClients(error === undefined ? undefined : { error }).factory)).toBe(
      ExitCode.Authentication,
    );
    expect(io.err()).toBe(stderr);
  });

  it("on the mock with only TF_API_TOKEN, says the token is not used, and uses placeholder credentials", async () => {
    const io = fakeIo({ env: { TF_API_TOKEN: "tok-123456" } });
    const clients = fakeClients();
    expect(await run(["login"], io, clients.factory)).toBe(ExitCode.Ok);
    expect(io.out()).toBe(
      "login works on the mock at 127.0.0.1:4010 (placeholder credentials; TF_API_TOKEN is not used, as it cannot be checked " +
        "without placing an order; set TF_API_USERNAME and TF_API_PASSWORD to check yours)\n",
    );
    expect(clients.created[0]).toMatchObject({ credentials: MOCK_PLACEHOLDER_CREDENTIALS });
  });

  it("when the mock is not running, hints at starting it (exit 7), as order does", async () => {
    const io = fakeIo();
    const error = clientError(ConnectionError, {
      message: "The login failed: the connection failed or dropped (ECONNREFUSED).",
      outcomeUnknown: false,
    });
    expect(await run(["login"], io, fakeClients({ error }).factory)).toBe(ExitCode.Unreachable);
    expect(io.err()).toBe(
      `tf-orders login: cannot reach ${DEFAULT_MOCK_URL}: The login failed: the connection failed or dropped (ECONNREFUSED).\n` +
        "  hint: is the mock running? start it with `npm run mock` (or `npm start`) at the repository root\n",
    );
  });

  it("prints only the token on stdout with --print-token", async () => {
    const io = fakeIo({ env: { TF_API_USERNAME: "alice", TF_API_PASSWORD: "pw-123456" } });
    const clients = fakeClients({ token: "the-fresh-token" });
    await run(["login", "--print-token", "--base-url", production], io, clients.factory);
    expect(io.out()).toBe("the-fresh-token\n");
  });
});

describe("run: interrupted before anything was sent", () => {
  /** An io whose `wait` (reading stdin, or the prompt) only ends when Ctrl-C or SIGTERM arrives. */
  function interruptible(signal: "SIGINT" | "SIGTERM", wait: "readStdin" | "prompt") {
    const controller = new AbortController();
    const waiting = () =>
      new Promise<never>((_, reject) => {
        controller.signal.addEventListener("abort", () => reject(new Error("The operation was aborted")));
        setImmediate(() => controller.abort(signal));
      });
    const io = fakeIo({ interrupted: controller.signal, stdinIsTTY: true });
    return { ...io, [wait]: waiting };
  }

  it.each([
    ["SIGINT", "readStdin", ["order", "--body", "-"], ExitCode.Interrupted],
    ["SIGTERM", "readStdin", ["order", "--body", "-"], ExitCode.Terminated],
    ["SIGINT", "prompt", [...quantityOrder, "--base-url", production], ExitCode.Interrupted],
  ] as const)("%s while waiting in %s: exit %i, nothing sent", async (signal, wait, args, code) => {
    const clients = fakeClients();
    const io = interruptible(signal, wait);
    const env = { TF_API_TOKEN: "tok-5f1c2d9e8b7a4c3f" };
    expect(await run(args, { ...io, env }, clients.factory)).toBe(code);
    expect(io.err()).toBe(`tf-orders order: interrupted by ${signal}; nothing was sent\n`);
    expect(clients.purchases).toEqual([]);
  });
});
