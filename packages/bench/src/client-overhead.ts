import { once } from "node:events";
import { createServer } from "node:http";
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { Order, paths } from "@tf-orders/client";
import { createTollFreeClient, validateOrderRequest } from "@tf-orders/client";
import createClient from "openapi-fetch";
import { type Contender, interleave, type Pooled, quantile, roundSpread } from "./interleaved.js";
import { type Measurement, verdict } from "./measurement.js";
import { loadPurchaseExamples, orderCycle, type PurchaseExamples, purchasePath } from "./purchase-examples.js";
import { micros, num, ratio } from "./report.js";

/** Issue 12, item 1: our client's p50 at most this multiple of raw fetch's, every safety rule kept. */
const target = 1.1;
const plan = { warmup: 500, rounds: 48, calls: 125 };
const token = "bench-token";

/** Every contender must get the order back, or it measured something else. */
function accepted(data: unknown): void {
  if (typeof (data as Order | null)?.orderID !== "number") throw new Error(`no order: ${JSON.stringify(data)}`);
}

/**
 * One purchase per call, four ways. The safety floor does by hand only what the safety rules need (serialise
 * once, validate what is sent, send under an abort signal that a timer fires), so our client's cost splits into
 * what the rules cost and what its own code adds.
 */
function contenders(baseUrl: string, examples: PurchaseExamples): Contender[] {
  const headers = { "Content-Type": "application/json", Accept: "application/json", Authorization: token };
  const post = async (body: string, signal?: AbortSignal) => {
    const response = await fetch(baseUrl + purchasePath, { method: "POST", headers, body, ...(signal && { signal }) });
    accepted(await response.json());
  };
  const cycle = () => orderCycle(examples);
  const [rawOrder, bareOrder, floorOrder, clientOrder] = [cycle(), cycle(), cycle(), cycle()];
  const bare = createClient<paths>({ baseUrl, headers: { Authorization: token } });
  const client = createTollFreeClient({ baseUrl, token });
  const floor = async () => {
    const body = JSON.stringify(floorOrder());
    if (!validateOrderRequest(JSON.parse(body)).ok) throw new Error("a spec example failed validation");
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      await post(body, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
  return [
    { name: "raw `fetch(url, init)`", fn: () => post(JSON.stringify(rawOrder())) },
    {
      name: "bare openapi-fetch (reference for `raw`)",
      fn: async () => accepted((await bare.POST(purchasePath, { body: bareOrder() })).data),
    },
    { name: "safety floor: validate, then fetch under a timeout", fn: floor },
    { name: "our client", fn: async () => accepted(await client.purchaseTollFreeNumbers(clientOrder())) },
  ];
}

const p50 = (contender: Pooled) => quantile(contender.samples, 0.5);
const perRound = (a: Pooled, b: Pooled, combine: (a: number, b: number) => number, format: (n: number) => string) =>
  roundSpread(a, b, combine).map(format).join(" to ");

function why(raw: Pooled, floor: Pooled, ours: Pooled): string {
  const allowance = (target - 1) * p50(raw);
  const cost = (over: Pooled, under: Pooled) =>
    `${micros(p50(over) - p50(under))} (per round ${perRound(over, under, (a, b) => a - b, micros)})`;
  const fix =
    roundSpread(ours, raw, (a, b) => a / b)[0] <= target
      ? "In a quarter of the rounds or more the client met the target: too close to call on a busy machine."
      : p50(floor) - p50(raw) >= allowance
        ? "The floor alone costs more than that: no client that validates and times out every purchase meets the " +
          "target here; only cheaper validation or a cheaper abortable fetch would."
        : "Profile `purchaseTollFreeNumbers` on a 2xx and take work off that path.";
  return (
    `Our client adds ${micros(p50(ours) - p50(raw))} to raw fetch's ${micros(p50(raw))}, where the target allows ` +
    `${micros(allowance)}: the safety floor ${cost(floor, raw)}, the client's own code ${cost(ours, floor)}. ${fix}`
  );
}

/** What our client adds to a purchase over raw fetch, interleaved against a local stand-in API. */
export const clientOverhead: Measurement = {
  name: "overhead",
  title: "Client overhead",
  async run({ progress }) {
    const api = await startStandInApi();
    const each = contenders(api.url, loadPurchaseExamples());
    progress(`overhead: ${plan.rounds} rounds against ${api.url}`);
    const pooled = await interleave(each, plan).finally(api.stop);
    const [raw, , floor, ours] = pooled as [Pooled, Pooled, Pooled, Pooled];
    const measured = `${ratio(p50(ours) / p50(raw))} (${micros(p50(ours))} vs ${micros(p50(raw))})`;
    const pass = p50(ours) <= target * p50(raw);
    const explain = () => why(raw, floor, ours);
    return {
      method: [
        "One purchase per call against a keep-alive `node:http` stand-in on a worker thread (the other core) " +
          "answering with the spec's success example; all use Node's fetch, our client with every safety rule. " +
          "Bare openapi-fetch is the reference for `raw`: the client's purchases no longer call it, so its ≤ 1.05 × " +
          `target is dropped. tinybench times each call in ${plan.rounds} interleaved rounds of ${plan.calls} calls, ` +
          `the order rotating, after ${plan.warmup} warm-up calls; ratios are of pooled medians.`,
      ],
      tables: [
        {
          header: ["Contender", "p50", "p99", "p50 − raw fetch", "p50 / raw fetch", "per round (p25 to p75)"],
          rows: pooled.map((c) => [
            c.name,
            ...[p50(c), quantile(c.samples, 0.99), p50(c) - p50(raw)].map(micros),
            ratio(p50(c) / p50(raw)),
            perRound(c, raw, (a, b) => a / b, ratio),
          ]),
        },
      ],
      verdicts: [verdict(`our client ≤ ${num(target, 2)} × raw fetch (p50)`, measured, pass, explain)],
    };
  },
};

/**
 * The stand-in API: a keep-alive `node:http` server on a worker thread, so that its work can run on the other
 * core, not in the timed event loop. A purchase with an Authorization header gets the spec's success example.
 */
async function startStandInApi(): Promise<{ url: string; stop: () => Promise<number> }> {
  const worker = new Worker(new URL(import.meta.url), { workerData: "stand-in-api" });
  const [port] = (await once(worker, "message")) as [number];
  return { url: `http://127.0.0.1:${port}`, stop: () => worker.terminate() };
}

if (workerData === "stand-in-api") {
  const orderAccepted = Buffer.from(JSON.stringify(loadPurchaseExamples().accepted));
  const unauthorized = Buffer.from(JSON.stringify({ code: 401, error: "Unauthorized" }));
  const server = createServer({ keepAlive: true, keepAliveTimeout: 120_000 }, (request, response) => {
    request.resume().once("end", () => {
      const ok = request.method === "POST" && request.url === purchasePath && Boolean(request.headers.authorization);
      const body = ok ? orderAccepted : unauthorized;
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json", "content-length": body.length });
      response.end(body);
    });
  });
  server.listen(0, "127.0.0.1", () => parentPort!.postMessage((server.address() as { port: number }).port));
}
