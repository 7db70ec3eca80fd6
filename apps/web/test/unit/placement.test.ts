import {
  AuthenticationError,
  ConnectionError,
  NotAcceptableError,
  type Order,
  type OrderRequest,
  outcomeUnknownAdvice,
  PaymentRequiredError,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { createPlacement, type Phase, verdictOf } from "../../src/placement.ts";
import { SignInError } from "../../src/session.ts";

const order: OrderRequest = { quantity: 1, packageID: 1234567, serviceArea: 4, referenceID: "PO-1" };
const accepted: Order = { orderID: 287225, batches: [{ batchID: 31458 }] };

/** A placement whose purchases wait until the test settles them, counting every purchase. */
function harness(billed = false) {
  const pending: { resolve(order: Order): void; reject(error: unknown): void }[] = [];
  const phases: Phase["kind"][] = [];
  const placement = createPlacement({
    buy: () => new Promise<Order>((resolve, reject) => pending.push({ resolve, reject })),
    billed: () => billed,
    onChange: (phase) => phases.push(phase.kind),
  });
  /** Settles the last purchase and waits until the placement has seen it. */
  const settle = async (outcome: Order | Error, sent: Promise<void>) => {
    const last = pending.at(-1)!;
    if (outcome instanceof Error) last.reject(outcome);
    else last.resolve(outcome);
    await sent;
  };
  return { placement, pending, phases, settle };
}

const unknown = () =>
  new ConnectionError("The purchase failed: the connection failed or dropped (no detail).", { outcomeUnknown: true });

describe("createPlacement", () => {
  it("sends one order however often it is requested while one is in flight", async () => {
    const { placement, pending, phases, settle } = harness();
    const first = placement.request(order);
    await Promise.all([placement.request(order), placement.request(order), placement.confirm()]);
    expect(pending).toHaveLength(1);
    await settle(accepted, first);
    expect(placement.phase).toEqual({ kind: "placed", order, result: accepted });
    expect(phases).toEqual(["sending", "placed"]);
  });

  it("locks a placed order: only a new order can be placed", async () => {
    const { placement, pending, settle } = harness();
    await settle(accepted, placement.request(order));
    await placement.request(order);
    await placement.resendChecked();
    expect(pending).toHaveLength(1);
    placement.startNew();
    expect(placement.phase.kind).toBe("editing");
    void placement.request(order);
    expect(pending).toHaveLength(2);
  });

  it("asks for confirmation on a billed target, and sends nothing when declined", async () => {
    const { placement, pending, phases } = harness(true);
    await placement.request(order);
    expect(placement.phase).toEqual({ kind: "confirming", order, back: { kind: "editing" } });
    placement.cancel();
    expect(placement.phase.kind).toBe("editing");
    expect(pending).toHaveLength(0);
    expect(phases).toEqual(["confirming", "editing"]);
  });

  it("sends a confirmed billed order once, even when confirmed twice", async () => {
    const { placement, pending, settle } = harness(true);
    await placement.request(order);
    const sent = placement.confirm();
    void placement.confirm();
    expect(pending).toHaveLength(1);
    await settle(accepted, sent);
    expect(placement.phase.kind).toBe("placed");
  });

  it("locks an order whose outcome is unknown until the person resends it on purpose", async () => {
    const { placement, pending, settle } = harness();
    await settle(unknown(), placement.request(order));
    expect(placement.phase).toEqual({
      kind: "unknown",
      order,
      message: "The purchase failed: the connection failed or dropped (no detail).",
    });
    await placement.request(order);
    expect(pending).toHaveLength(1);
    const resent = placement.resendChecked();
    expect(pending).toHaveLength(2);
    await settle(accepted, resent);
    expect(placement.phase.kind).toBe("placed");
  });

  it("returns to the unknown outcome when the billed resend is declined", async () => {
    const { placement, settle } = harness(true);
    await placement.request(order);
    await settle(unknown(), placement.confirm());
    const locked = placement.phase;
    await placement.resendChecked();
    expect(placement.phase.kind).toBe("confirming");
    placement.cancel();
    expect(placement.phase).toBe(locked);
  });

  it("opens the form again after a failure that bought nothing, with the verdict", async () => {
    const { placement, pending, settle } = harness();
    const refusal = new PaymentRequiredError("Order too large; trial limit exceeded. Available: 3 seats.", {
      status: 402,
    });
    await settle(refusal, placement.request(order));
    expect(placement.phase).toEqual({
      kind: "editing",
      refused: {
        order,
        verdict: { kind: "trial-limit", limit: "trial-limit-exceeded", seats: 3, message: refusal.message },
      },
    });
    void placement.request(order);
    expect(pending).toHaveLength(2);
  });
});

describe("verdictOf", () => {
  it.each([
    [
      "a 401 Session Expired",
      new AuthenticationError("Session Expired", "session-expired", { status: 401 }),
      { kind: "sign-in-again", reason: "session-expired", message: "Session Expired" },
    ],
    [
      "no sign-in for the target (nothing sent)",
      new SignInError("Sign in to http://127.0.0.1:4010 first."),
      { kind: "sign-in-again", reason: "unauthorized", message: "Sign in to http://127.0.0.1:4010 first." },
    ],
    [
      "a 402",
      new PaymentRequiredError("Order blocked; trial limit realized. Limit: 10 seats.", {
        status: 402,
      }),
      {
        kind: "trial-limit",
        limit: "trial-limit-realized",
        seats: 10,
        message: "Order blocked; trial limit realized. Limit: 10 seats.",
      },
    ],
    [
      "a 422",
      new UnprocessableEntityError("The 'packageID' parameter is required.", { status: 422 }),
      { kind: "unprocessable", parameter: "packageID", message: "The 'packageID' parameter is required." },
    ],
    [
      "the client's own refusal",
      new ValidationError([{ parameter: "x", message: "m" }]),
      { kind: "invalid", issues: [{ parameter: "x", message: "m" }] },
    ],
    [
      "a 406",
      new NotAcceptableError("Not Acceptable", { status: 406 }),
      { kind: "refused", status: 406, message: "Not Acceptable" },
    ],
    [
      "an undocumented 4xx",
      new UnexpectedResponseError("Unexpected response (HTTP 404)", { status: 404 }),
      { kind: "refused", status: 404, message: "Unexpected response (HTTP 404)" },
    ],
    [
      "a refused connection (nothing left)",
      new ConnectionError("The purchase failed (ECONNREFUSED)."),
      { kind: "refused", status: undefined, message: "The purchase failed (ECONNREFUSED)." },
    ],
    [
      "a 5xx",
      new UnexpectedResponseError("Unexpected response (HTTP 502): the body is not JSON.", {
        status: 502,
        outcomeUnknown: true,
      }),
      { kind: "unknown", message: "Unexpected response (HTTP 502): the body is not JSON." },
    ],
    [
      "a timeout",
      new TimeoutError("The purchase timed out after 30000 ms.", { outcomeUnknown: true }),
      { kind: "unknown", message: "The purchase timed out after 30000 ms." },
    ],
    ["an error the client does not describe", new TypeError("boom"), { kind: "unknown", message: "boom" }],
    ["something thrown that is not an error", "boom", { kind: "unknown", message: "boom" }],
  ])("sorts %s", (_name, error, verdict) => {
    expect(verdictOf(error)).toEqual(verdict);
  });

  it("drops the client's advice from an unknown outcome's message: the desk gives its own", () => {
    expect(unknown().message).toContain(outcomeUnknownAdvice);
    expect(verdictOf(unknown())).toEqual({
      kind: "unknown",
      message: "The purchase failed: the connection failed or dropped (no detail).",
    });
  });
});
