import { describe, expect, test, vi } from "vitest";
import {
  createTollFreeClient,
  type OrderRequest,
  TimeoutError,
  ValidationError,
  validateOrderRequest,
} from "../src/index.js";
import { fakeApi, json } from "./helpers/fake-api.js";

// A careless or hostile caller: whatever it passes, validateOrderRequest answers (never throws), judges exactly the
// data a purchase would send, and stays bounded; the purchase sends what was judged, or nothing.
const valid = (): OrderRequest => ({ quantity: 1, packageID: 1234567, serviceArea: 4 });
/** An array with a hole before its items, as `[, item]` would write it. */
const holed = (items: unknown[]) =>
  Object.assign(new Array(items.length + 1), Object.fromEntries(items.map((item, i) => [i + 1, item])));
const integerMessage = (name: string) => `The '${name}' parameter must be formatted as a(n) integer.`;

const hostile: [name: string, make: () => unknown, firstMessage: string | undefined][] = [
  [
    "a getter that throws",
    () =>
      Object.defineProperty(valid(), "Notes", {
        enumerable: true,
        get() {
          throw new Error("boom");
        },
      }),
    "The request body cannot be sent as JSON: boom.",
  ],
  [
    "a Proxy whose traps throw",
    () =>
      new Proxy(valid(), {
        get() {
          throw new Error("trap");
        },
        ownKeys() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
      }),
    "The request body cannot be sent as JSON: trap.",
  ],
  [
    "fields inherited from a prototype (JSON leaves them out)",
    () => Object.create(valid()),
    "One of the 'numbers', 'quantity', 'reservations', 'reservationID' parameters is required.",
  ],
  ["a class instance with the fields of an order", () => Object.assign(new (class Order {})(), valid()), undefined],
  ["a toJSON that returns a valid order", () => ({ toJSON: valid }), undefined],
  [
    "a toJSON that throws",
    () => ({
      ...valid(),
      toJSON: () => {
        throw new Error("no JSON");
      },
    }),
    "The request body cannot be sent as JSON: no JSON.",
  ],
  [
    "a BigInt",
    () => ({ ...valid(), packageID: 10n }),
    "The request body cannot be sent as JSON: Do not know how to serialize a BigInt.",
  ],
  [
    "an integer beyond 2^53 (9007199254740993)",
    () => JSON.parse('{"quantity":1,"packageID":9007199254740993,"serviceArea":4}'),
    integerMessage("packageID"),
  ],
  [
    "1e21, which JSON would send in exponent form",
    () => ({ ...valid(), packageID: 1e21 }),
    integerMessage("packageID"),
  ],
  ["NaN (JSON sends null)", () => ({ ...valid(), quantity: Number.NaN }), integerMessage("quantity")],
  [
    "a function as a field (JSON leaves it out)",
    () => ({ ...valid(), quantity: () => 1 }),
    "One of the 'numbers', 'quantity', 'reservations', 'reservationID' parameters is required.",
  ],
  [
    "a hole in numbers (JSON sends null)",
    () => ({ ...valid(), quantity: undefined, numbers: holed([{ countryCode: "1", number: "8882223456" }]) }),
    "The 'numbers' parameter must be formatted as a(n) object.",
  ],
];

describe("validateOrderRequest never throws, and judges what would be sent", () => {
  test.each(hostile)("%s", async (_name, make, firstMessage) => {
    const verdict = validateOrderRequest(make());
    expect(verdict.ok).toBe(firstMessage === undefined);
    if (!verdict.ok) expect(verdict.errors[0]?.message).toBe(firstMessage);
    // The purchase reaches the same verdict, and sends exactly the judged data or nothing.
    const api = fakeApi(() => json(200, { orderID: 1, batches: [] }));
    const client = createTollFreeClient({ token: "tok-hostile", baseUrl: "http://api.test", fetch: api.fetch });
    const outcome = await client.purchaseTollFreeNumbers(make() as OrderRequest).catch((reason: unknown) => reason);
    if (verdict.ok) {
      expect(api.calls.map((call) => call.body)).toEqual([JSON.parse(JSON.stringify(verdict.value))]);
    } else {
      expect(outcome).toBeInstanceOf(ValidationError);
      expect((outcome as ValidationError).errors[0]?.message).toBe(firstMessage);
      expect(api.calls).toEqual([]);
    }
  });

  test("a polluted Object.prototype does not lend an order its fields", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.quantity = 1;
    try {
      const verdict = validateOrderRequest({ packageID: 1234567, serviceArea: 4 });
      expect(verdict).toMatchObject({ ok: false, errors: [{ parameter: "body" }] });
    } finally {
      delete prototype.quantity;
    }
  });

  test("a million bad items: the first 50 issues, and a count of the rest", () => {
    const numbers = Array.from({ length: 1_000_000 }, () => 7);
    const verdict = validateOrderRequest({ numbers, packageID: 1234567, serviceArea: 4 });
    expect(verdict).toMatchObject({ ok: false, omittedErrors: 1_000_000 - 50 });
    expect(verdict.ok || verdict.errors.length).toBe(50);
  });

  test("a megabyte-long unknown key is named, cut short", () => {
    const key = "k".repeat(1_000_000);
    const verdict = validateOrderRequest({ ...valid(), [key]: 1 });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.errors[0]?.message.length).toBeLessThan(200);
      expect(verdict.errors[0]?.parameter.length).toBeLessThan(300);
    }
  });

  test("a ValidationError's message quotes five problems and counts the rest", async () => {
    const client = createTollFreeClient({
      token: "tok-hostile",
      baseUrl: "http://api.test",
      fetch: fakeApi(() => json(200, {})).fetch,
    });
    const numbers = Array.from({ length: 1000 }, () => ({ countryCode: "44", number: "x" }));
    const error = (await client
      .purchaseTollFreeNumbers({ numbers, packageID: 1234567, serviceArea: 4 } as unknown as OrderRequest)
      .catch((reason: unknown) => reason)) as ValidationError;
    expect(error.errors).toHaveLength(50);
    expect(error.omittedErrors).toBe(1950);
    expect(error.message).toMatch(/…and 1995 more problems\.$/);
  });
});

describe("how long a purchase can take", () => {
  test("at most four times timeoutMs: a slow login, a 401, a slow new login, a resend that times out", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const timeoutMs = 1000;
      let logins = 0;
      let purchases = 0;
      const later = (ms: number, response: Response) =>
        new Promise<Response>((resolve) => setTimeout(() => resolve(response), ms));
      const fetch = async (request: Request): Promise<Response> => {
        if (request.url.endsWith("/authenticate")) {
          // Each login arrives just before the timeout.
          return later(timeoutMs - 1, json(200, { token: `t-${++logins}` }));
        }
        // The first purchase is refused as late as it can be; the resend never answers.
        if (++purchases === 1) return later(timeoutMs - 1, json(401, { code: 401, error: "Session Expired" }));
        return new Promise<Response>(() => undefined);
      };
      const client = createTollFreeClient({
        credentials: { username: "u", password: "pw-bound" },
        baseUrl: "http://api.test",
        fetch,
        timeoutMs,
      });
      const started = Date.now();
      let settled: unknown;
      const call = client
        .purchaseTollFreeNumbers(valid())
        .catch((reason: unknown) => reason)
        .then((reason) => {
          settled = reason;
        });
      while (settled === undefined) await vi.advanceTimersByTimeAsync(50);
      await call;
      expect(settled).toBeInstanceOf(TimeoutError);
      expect({ logins, purchases }).toEqual({ logins: 2, purchases: 2 });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThan(3 * timeoutMs);
      expect(elapsed).toBeLessThanOrEqual(4 * timeoutMs + 50);
    } finally {
      vi.useRealTimers();
    }
  });
});
