import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  createTollFreeClient,
  maskSecrets,
  type OrderRequest,
  TollFreeApiError,
  type TollFreeClient,
} from "../src/index.js";
import { fakeApi, json } from "./helpers/fake-api.js";
import { type FaultServer, startFaultServer } from "./helpers/fault-server.js";

const token = "tok-5f1c2d9e8b7a4c3f9e2d1b0a";
const password = "pw-correct-horse-battery-staple";
const credentials = { username: "api-user", password };
const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4 };

// A hostile server echoes every secret it saw, in the body, in a header, in a non-JSON page.
const echo = (status: number, text: (seen: string) => string) =>
  fakeApi(({ headers, body }) => {
    const seen = `${headers.get("authorization") ?? ""} ${JSON.stringify(body)}`;
    return new Response(text(seen), { status, headers: { "content-type": "application/json", "x-echo": seen } });
  });

type Scenario = { client: TollFreeClient; run: (client: TollFreeClient) => Promise<unknown>; quotesAnswer?: false };
const scenarios: [name: string, make: () => Scenario][] = [
  [
    "a 422 echoing the token",
    () => {
      const api = echo(422, (seen) => JSON.stringify({ code: 422, error: `The '${seen}' parameter is required.` }));
      return {
        client: createTollFreeClient({ token, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.purchaseTollFreeNumbers(order),
      };
    },
  ],
  [
    "a 500 page echoing the token",
    () => {
      const api = echo(500, (seen) => `<html>${seen}</html>`);
      return {
        client: createTollFreeClient({ token, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.purchaseTollFreeNumbers(order),
      };
    },
  ],
  [
    "a login 401 echoing the password",
    () => {
      const api = echo(401, (seen) => JSON.stringify({ code: 401, error: `Unauthorized: ${seen}` }));
      return {
        client: createTollFreeClient({ credentials, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.authenticate(),
      };
    },
  ],
  [
    "a login 200 whose token breaks the schema, echoing the password",
    () => {
      const api = echo(200, (seen) => JSON.stringify({ token: 42, seen }));
      // A login's unexpected answer may hold a token the client cannot mask yet: it is not quoted at all.
      return {
        client: createTollFreeClient({ credentials, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.authenticate(),
        quotesAnswer: false,
      };
    },
  ],
  [
    "a login 201 (a status the spec does not list) carrying the new token",
    () => {
      const api = fakeApi(() => json(201, { token }, { "set-cookie": `sid=${token}`, "x-auth-token": token }));
      return {
        client: createTollFreeClient({ credentials, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.purchaseTollFreeNumbers(order),
        quotesAnswer: false,
      };
    },
  ],
  [
    "a login 200 whose JSON is cut short after the new token",
    () => {
      const api = fakeApi(
        () => new Response(`{"token":"${token}"`, { status: 200, headers: { "content-type": "application/json" } }),
      );
      return {
        client: createTollFreeClient({ credentials, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.purchaseTollFreeNumbers(order),
        quotesAnswer: false,
      };
    },
  ],
  [
    "a custom fetch whose error carries the request and its headers (as ky, got and axios errors do)",
    () => {
      const failing = async (request: Request): Promise<Response> => {
        throw Object.assign(new Error(`request to ${request.url} failed`), {
          request,
          options: { headers: { authorization: request.headers.get("authorization") } },
        });
      };
      return {
        client: createTollFreeClient({ token, baseUrl: "http://api.test", fetch: failing }),
        run: (client) => client.purchaseTollFreeNumbers(order),
        quotesAnswer: false,
      };
    },
  ],
  [
    "a purchase 200 with the wrong shape, after a login",
    () => {
      const api = fakeApi(({ url, headers }) =>
        url.endsWith("/authenticate")
          ? json(200, { token })
          : json(200, { orderID: `${headers.get("authorization")}`, batches: [] }, { "x-token": token }),
      );
      return {
        client: createTollFreeClient({ credentials, baseUrl: "http://api.test", fetch: api.fetch }),
        run: (client) => client.purchaseTollFreeNumbers(order),
      };
    },
  ],
];

describe("secrets never leave in an error", () => {
  const logged: unknown[] = [];
  beforeEach(() => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    logged.length = 0;
  });

  test.each(scenarios)("%s", async (_name, make) => {
    const { client, run, quotesAnswer } = make();
    const error = await run(client).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TollFreeApiError);
    const views = [
      (error as Error).message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify([...((error as TollFreeApiError).headers ?? new Headers())]),
    ];
    for (const view of views) {
      expect(view).not.toContain(token);
      expect(view).not.toContain(password);
    }
    if (quotesAnswer === false) {
      expect(error).toMatchObject({ body: undefined, headers: undefined });
    } else {
      // The echo is still visible, masked, so the error stays useful.
      expect(views.join("\n")).toContain("[redacted]");
    }
    expect(logged).toEqual([]);
  });

  test("a timed-out purchase carries no secret in any view", { timeout: 30_000 }, async () => {
    const server = await startFaultServer(() => undefined);
    try {
      const client = createTollFreeClient({ token, baseUrl: server.url, timeoutMs: 50 });
      const error = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
      for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
        expect(view).not.toContain(token);
      }
    } finally {
      await server.close();
    }
  });

  test("a token too short to mask leaves the server's message intact", async () => {
    const error = "Order too large; trial limit exceeded. Available: 3 seats.";
    const api = fakeApi(() => json(402, { code: 402, error }));
    const client = createTollFreeClient({ token: "t", baseUrl: "http://api.test", fetch: api.fetch });
    const thrown = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(thrown).toMatchObject({ message: error, body: { code: 402, error }, seats: 3 });
  });

  test.each([
    ["a line break", `${token}\n`],
    ["a space at the end", `${token} `],
    ["a non-ASCII letter", `${token}é`],
  ])("a token with %s is refused without quoting it, and nothing is sent", async (_name, bad) => {
    const api = fakeApi(() => json(200, { orderID: 1, batches: [] }));
    const given = (() => {
      try {
        createTollFreeClient({ token: bad, baseUrl: "http://api.test", fetch: api.fetch });
      } catch (reason) {
        return reason;
      }
    })();
    const client = createTollFreeClient({ getToken: async () => bad, baseUrl: "http://api.test", fetch: api.fetch });
    const obtained = await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason);
    expect(given).toBeInstanceOf(TypeError);
    expect(obtained).toMatchObject({ name: "AuthenticationError", reason: "no-token" });
    for (const thrown of [given, obtained]) {
      expect((thrown as Error).message).toMatch(/printable ASCII with no space at either end.*nothing was sent/);
      expect(inspect(thrown, { depth: 10, showHidden: true })).not.toContain(token);
    }
    expect(api.calls).toEqual([]);
  });
});

/** Every form in which a test expects a secret could come back, computed here independently of the client. */
function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const php = json
    .replace(/\//g, "\\/")
    .replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [
    secret,
    json,
    JSON.stringify(json).slice(1, -1),
    php,
    encodeURIComponent(secret),
    secret.toLowerCase(),
  ].concat(Buffer.from(secret).toString("base64").slice(0, -4));
}

describe("a secret echoed in any encoding is masked", () => {
  const servers: FaultServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const passwords = ["pw_SECRET_456\n", 'pw"SECRET\\456', "pw SECRET/456é", "pw\tSECRET\u0001x"];
  const html = (text: string) => text.replace(/[&"<>']/g, (char) => `&#${char.charCodeAt(0)};`);
  // Each answers a login with what it was sent, encoded one way.
  const echoes: [string, (body: string) => { status: number; text: string; headers?: Record<string, string> }][] = [
    [
      "the request body in a JSON error",
      (body) => ({ status: 401, text: JSON.stringify({ code: 401, error: `Unauthorized: ${body}` }) }),
    ],
    [
      "the body quoted twice",
      (body) => ({ status: 401, text: JSON.stringify({ code: 401, error: JSON.stringify(body) }) }),
    ],
    [
      "the body percent-encoded",
      (body) => ({ status: 401, text: JSON.stringify({ code: 401, error: encodeURIComponent(body) }) }),
    ],
    [
      "the body with PHP's escapes (\\/ and \\u00e9)",
      (body) => ({
        status: 401,
        text: `{"code":401,"error":${JSON.stringify(body)
          .replace(/\//g, "\\/")
          .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}}`,
      }),
    ],
    ["an HTML page with entities", (body) => ({ status: 502, text: `<html><pre>${html(body)}</pre></html>` })],
    [
      "the body in base64",
      (body) => ({ status: 401, text: JSON.stringify({ code: 401, error: Buffer.from(body).toString("base64") }) }),
    ],
    [
      "a percent-encoded header",
      (body) => ({
        status: 401,
        text: '{"code":401,"error":"Unauthorized"}',
        headers: { "x-echo": encodeURIComponent(body) },
      }),
    ],
  ];

  test.each(
    passwords.flatMap((password) =>
      echoes.map(([name, echo]) => [JSON.stringify(password), name, password, echo] as const),
    ),
  )("password %s, %s", async (_shown, _name, secret, echo) => {
    const server = await startFaultServer((_request, response, body) => {
      const { status, text, headers } = echo(body);
      response.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
    });
    servers.push(server);
    const client = createTollFreeClient({
      credentials: { username: "api-user", password: secret },
      baseUrl: server.url,
    });
    const error = await client.authenticate().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TollFreeApiError);
    const views = [
      String(error),
      (error as Error).stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify([...((error as TollFreeApiError).headers ?? new Headers())]),
    ].join("\n");
    for (const form of echoedForms(secret)) expect(views.toLowerCase()).not.toContain(form.toLowerCase());
  });

  test("a token sent back as a header name comes back lower-cased, and is masked", async () => {
    const mixed = "Tok-5F1C2D9E8B7A4C3F";
    const server = await startFaultServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json", [mixed]: "seen" }).end('{"code":500,"error":"x"}');
    });
    servers.push(server);
    const client = createTollFreeClient({ token: mixed, baseUrl: server.url });
    const error = (await client.purchaseTollFreeNumbers(order).catch((reason: unknown) => reason)) as TollFreeApiError;
    expect(error.headers?.get("x-redacted")).toBe("seen");
    expect(inspect(error, { depth: 10, showHidden: true }).toLowerCase()).not.toContain(mixed.toLowerCase());
  });

  test("maskSecrets: what apps use to mask their own output the same way", () => {
    const secret = "pw\n1234/é";
    const text = ["a", secret, JSON.stringify(secret), encodeURIComponent(secret), secret.toUpperCase(), "z"].join(" ");
    expect(maskSecrets(text, [secret])).toBe('a [redacted] "[redacted]" [redacted] [redacted] z');
    expect(maskSecrets("Order too large", ["t"])).toBe("Order too large");
  });
});
