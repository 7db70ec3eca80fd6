import { createTollFreeClient, validateOrderRequest, type Order, type OrderRequest, type paths } from "@tf-orders/client";
import createClient from "openapi-fetch";
import type { Contender } from "./interleaved-rounds.js";
import { purchasePath } from "./spec-examples.js";

/** A token for the stand-in API, which only checks that one is sent. */
const token = "bench-token";

/** Which contender answers which question. */
export type Role =
  | "raw-fetch"
  | "request-object"
  | "openapi-fetch"
  | "openapi-fetch-validated"
  | "openapi-fetch-middleware"
  | "openapi-fetch-timeout"
  | "client";

export interface RoledContender extends Contender {
  role: Role;
}

function accepted(data: unknown): Order {
  if (typeof (data as Order | undefined)?.orderID !== "number") {
    throw new Error(`the stand-in API's answer was not read as an order: ${JSON.stringify(data)}`);
  }
  return data as Order;
}

/**
 * The ways of sending one purchase that the overhead benchmark compares. Raw fetch, bare openapi-fetch and our
 * client are the issue's; the others sit between them, each adding one thing to the one before, so the
 * difference can be split into what each step costs. Each cycles through the same orders in the same sequence
 * and checks it got the order back.
 */
export function overheadContenders(baseUrl: string, orders: readonly OrderRequest[]): RoledContender[] {
  const url = baseUrl + purchasePath;
  const cycle = () => {
    let next = 0;
    return () => orders[next++ % orders.length]!;
  };
  const bare = createClient<paths>({ baseUrl });
  const withMiddleware = createClient<paths>({ baseUrl });
  // Does nothing, as a token middleware does when the call already carries the header.
  withMiddleware.use({ async onRequest() {} });
  const client = createTollFreeClient({ baseUrl, token });
  const init = (order: OrderRequest): RequestInit => ({
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: token },
    body: JSON.stringify(order),
  });
  const rawOrder = cycle();
  const requestOrder = cycle();
  const bareOrder = cycle();
  const validatedOrder = cycle();
  const middlewareOrder = cycle();
  const timeoutOrder = cycle();
  const clientOrder = cycle();

  return [
    {
      role: "raw-fetch",
      name: "raw `fetch`",
      fn: async () => {
        const response = await fetch(url, init(rawOrder()));
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        return accepted(await response.json());
      },
    },
    {
      role: "request-object",
      name: "`fetch(new Request(…))`",
      fn: async () => {
        const response = await fetch(new Request(url, init(requestOrder())));
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        return accepted(await response.json());
      },
    },
    {
      role: "openapi-fetch",
      name: "bare openapi-fetch",
      fn: async () => {
        const { data } = await bare.POST(purchasePath, { body: bareOrder(), headers: { Authorization: token } });
        return accepted(data);
      },
    },
    {
      role: "openapi-fetch-validated",
      name: "openapi-fetch + `validateOrderRequest`",
      fn: async () => {
        const order = validatedOrder();
        if (!validateOrderRequest(order).ok) throw new Error("a spec example failed validation");
        const { data } = await bare.POST(purchasePath, { body: order, headers: { Authorization: token } });
        return accepted(data);
      },
    },
    {
      role: "openapi-fetch-middleware",
      name: "… + an empty async `onRequest` middleware",
      fn: async () => {
        const order = middlewareOrder();
        if (!validateOrderRequest(order).ok) throw new Error("a spec example failed validation");
        const { data } = await withMiddleware.POST(purchasePath, { body: order, headers: { Authorization: token } });
        return accepted(data);
      },
    },
    {
      role: "openapi-fetch-timeout",
      name: "… + a timeout signal (`AbortController` and timer)",
      fn: async () => {
        const order = timeoutOrder();
        if (!validateOrderRequest(order).ok) throw new Error("a spec example failed validation");
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          const { data } = await withMiddleware.POST(purchasePath, {
            body: order,
            headers: { Authorization: token },
            signal: controller.signal,
          });
          return accepted(data);
        } finally {
          clearTimeout(timer);
        }
      },
    },
    {
      role: "client",
      name: "our client (validation on)",
      fn: async () => accepted(await client.purchaseTollFreeNumbers(clientOrder())),
    },
  ];
}
