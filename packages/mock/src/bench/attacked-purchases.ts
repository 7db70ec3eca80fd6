/**
 * Benchmark: how fast the mock answers valid purchases while the worst bodies under its limit arrive in
 * parallel, against the Prism CLI mock that `startMock` ran before (`prism mock --errors`, one process).
 *
 * Run (after `npm run build`): `node packages/mock/dist/bench/attacked-purchases.js [--attackers 4] [--window-ms 15000]`
 * It prints one JSON document on stdout.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { launchPrismCliMock } from "../prism-process.js";
import { bundledSpecPath } from "../spec-defaults.js";
import { defaultMaxBodyBytes, startMock } from "../start-mock.js";
import { childrenMatching, memoryOf, ms, orderUrl, percentile, validOrder } from "./measure.js";

/** Options of {@link measureAttackedPurchases}. */
export interface AttackOptions {
  /** Clients sending the worst body over and over, in parallel. Default 4. */
  attackers?: number;
  /** How long each server is attacked while valid purchases are timed. Default 15 000 ms. */
  windowMs?: number;
  /** A valid purchase that takes longer counts as not answered. Default 60 000 ms. */
  timeoutMs?: number;
}

const headers = { authorization: "bench-token", "content-type": "application/json", accept: "application/json" };

/**
 * The bodies under the limit that cost Prism the most per byte, each filling the limit: empty items of
 * `numbers` (Prism reports each missing key of each item), numbers of the wrong type, unknown keys, and a
 * deeply nested value.
 */
export function worstBodies(limit: number): { kind: string; body: string }[] {
  const base = { packageID: 1_234_567, serviceArea: 4 };
  const fill = (kind: string, make: (count: number) => string, unit: number) => {
    let count = Math.floor(limit / unit);
    let body = make(count);
    while (Buffer.byteLength(body) > limit) {
      count -= Math.ceil(count / 100);
      body = make(count);
    }
    return { kind, body };
  };
  const wrap = (inner: string) =>
    `{"numbers":[${inner}],"packageID":${base.packageID},"serviceArea":${base.serviceArea}}`;
  return [
    fill("empty number items", (n) => wrap(Array(n).fill("{}").join(",")), 3),
    fill("number items of the wrong type", (n) => wrap(Array(n).fill("0").join(",")), 2),
    fill(
      "unknown keys",
      (n) =>
        `{"quantity":1,${Array.from({ length: n }, (_, i) => `"k${i}":0`).join(",")},"packageID":1,"serviceArea":4}`,
      8,
    ),
    fill(
      "deep nesting",
      (n) => `{"quantity":1,"packageID":1,"serviceArea":4,"Notes":${"[".repeat(n)}${"]".repeat(n)}}`,
      2,
    ),
  ];
}

async function timedPost(url: string, body: string, timeoutMs: number): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

/** Valid purchases, one after the other, for `windowMs`; with `attack`, the attackers run all along. */
async function timePurchases(baseUrl: string, attack: string | undefined, options: Required<AttackOptions>) {
  const url = orderUrl(baseUrl);
  const order = JSON.stringify(validOrder());
  let attacking = attack !== undefined;
  const attackStatuses: Record<string, number> = {};
  const attackers = Array.from({ length: attack === undefined ? 0 : options.attackers }, async () => {
    while (attacking) {
      const { status } = await timedPost(url, attack!, options.windowMs + options.timeoutMs);
      attackStatuses[status] = (attackStatuses[status] ?? 0) + 1;
    }
  });
  const latencies: number[] = [];
  let timeouts = 0;
  const until = performance.now() + options.windowMs;
  while (performance.now() < until) {
    const { ms: took, status } = await timedPost(url, order, options.timeoutMs);
    if (status === 200) latencies.push(took);
    else timeouts += 1;
  }
  attacking = false;
  await Promise.all(attackers);
  return {
    purchases: latencies.length,
    notAnswered: timeouts,
    p50Ms: ms(percentile(latencies, 50)),
    p99Ms: ms(percentile(latencies, 99)),
    maxMs: ms(latencies.length === 0 ? Number.NaN : Math.max(...latencies)),
    attackAnswers: attackStatuses,
  };
}

/** Runs the benchmark: the mock (front and engines) first, then the Prism CLI, each idle and then attacked. */
export async function measureAttackedPurchases(options: AttackOptions = {}) {
  const settings = { attackers: 4, windowMs: 15_000, timeoutMs: 60_000, ...options };
  const bodies = worstBodies(defaultMaxBodyBytes);
  const results: Record<string, unknown> = { limitBytes: defaultMaxBodyBytes, ...settings };

  const mock = await startMock();
  try {
    // The heavy engine starts with the first invalid order: start it first, so that no figure includes that.
    await timedPost(orderUrl(mock.url), "{}", 120_000);
    // One of each alone: how long the mock takes to answer it, and which is the worst.
    const judged = [];
    for (const { kind, body } of bodies) {
      const { ms: took, status } = await timedPost(orderUrl(mock.url), body, 120_000);
      judged.push({ kind, bytes: Buffer.byteLength(body), status, ms: ms(took) });
    }
    results.bodies = judged;
    const worst = judged.reduce((a, b) => (b.ms > a.ms ? b : a));
    results.worstBody = worst.kind;
    const attack = bodies.find((body) => body.kind === worst.kind)!.body;
    const over = await timedPost(orderUrl(mock.url), `${attack} `.padEnd(defaultMaxBodyBytes + 1), 10_000);
    results.overLimit = { status: over.status, ms: ms(over.ms) };

    results.mock = {
      idle: await timePurchases(mock.url, undefined, settings),
      attacked: await timePurchases(mock.url, attack, settings),
      engines: childrenMatching(/engine-entry\.js/).map((pid) => ({ pid, ...memoryOf(pid) })),
      front: memoryOf(process.pid),
    };

    const cli = await launchPrismCliMock(bundledSpecPath());
    try {
      results.prismCli = {
        idle: await timePurchases(cli.url, undefined, settings),
        attacked: await timePurchases(cli.url, attack, settings),
        process: memoryOf(cli.pid),
      };
    } finally {
      await cli.stop();
    }
  } finally {
    await mock.stop();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { attackers: { type: "string" }, "window-ms": { type: "string" }, "timeout-ms": { type: "string" } },
  });
  const options: AttackOptions = {};
  if (values.attackers !== undefined) options.attackers = Number(values.attackers);
  if (values["window-ms"] !== undefined) options.windowMs = Number(values["window-ms"]);
  if (values["timeout-ms"] !== undefined) options.timeoutMs = Number(values["timeout-ms"]);
  console.log(JSON.stringify(await measureAttackedPurchases(options), null, 2));
}
