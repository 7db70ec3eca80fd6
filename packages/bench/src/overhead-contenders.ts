import {
  createTollFreeClient,
  type Order,
  type OrderRequest,
  type paths,
  validateOrderRequest,
} from "@tf-orders/client";
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
  | "fetch-validated"
  | "fetch-signal"
  | "fetch-timeout"
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

async function readOrder(response: Response): Promise<Order> {
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return accepted(await response.json());
}

/**
 * The ways of sending one purchase that the overhead benchmark compares. Raw fetch, bare openapi-fetch and our
 * client are the issue's. Three build up from raw fetch towards what any careful purchase needs, one thing at
 * a time (validation, then an abort signal handed to fetch, then a timer that fires it); one adds only a `Request` object, which openapi-fetch builds on
 * every call. So the differences can be split into what each step costs. Each cycles through the same orders
 * in the same sequence and checks it got the order back.
 */
export function overheadContenders(baseUrl: string, orders: readonly OrderRequest[]): RoledContender[] {
  const url = baseUrl + purchasePath;
  const cycle = () => {
    let next = 0;
    return () => orders[next++ % orders.length]!;
  };
  const bare = createClient<paths>({ baseUrl });
  const client = createTollFreeClient({ baseUrl, token });
  const init = (order: OrderRequest, signal?: AbortSignal): RequestInit => ({
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: token },
    body: JSON.stringify(order),
    ...(signal && { signal }),
  });
  const validated = (order: OrderRequest): OrderRequest => {
    if (!validateOrderRequest(order).ok) throw new Error("a spec example failed validation");
    return order;
  };
  const rawOrder = cycle();
  const requestOrder = cycle();
  const bareOrder = cycle();
  const validatedOrder = cycle();
  const signalOrder = cycle();
  const timeoutOrder = cycle();
  const clientOrder = cycle();

  return [
    {
      role: "raw-fetch",
      name: "raw `fetch(url, init)`",
      fn: async () => readOrder(await fetch(url, init(rawOrder()))),
    },
    {
      role: "request-object",
      name: "`fetch(new Request(url, init))`",
      fn: async () => readOrder(await fetch(new Request(url, init(requestOrder())))),
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
      role: "fetch-validated",
      name: "`validateOrderRequest` + raw `fetch`",
      fn: async () => readOrder(await fetch(url, init(validated(validatedOrder())))),
    },
    {
      role: "fetch-signal",
      name: "… + an abort signal handed to fetch (`AbortController`, no timer)",
      fn: async () => readOrder(await fetch(url, init(validated(signalOrder()), new AbortController().signal))),
    },
    {
      role: "fetch-timeout",
      name: "… + a timer that fires it (`setTimeout`, cleared)",
      fn: async () => {
        const order = validated(timeoutOrder());
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          return await readOrder(await fetch(url, init(order, controller.signal)));
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
