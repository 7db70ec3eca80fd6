import { readFile } from "node:fs/promises";
import { createTollFreeClient, type OrderRequest } from "@tf-orders/client";
import { type RunningMock, startMock } from "@tf-orders/mock";
import { formatMillis, formatNumber, formatSeconds } from "./format.js";
import type { Benchmark, Section } from "./section.js";
import { loadPurchaseExamples } from "./spec-examples.js";
import { summarize } from "./stats.js";
import { targets } from "./targets.js";

const starts = 3;
const warmup = 50;
const sequential = 1000;
const concurrent = 200;

interface Batch {
  label: string;
  latencies: number[];
  errors: number;
  firstError: string | undefined;
  wallMs: number;
}

/** The peak resident set of a process so far (Linux `/proc`), or undefined elsewhere. */
async function peakRssKb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

async function timedStart(): Promise<{ mock: RunningMock; ms: number }> {
  const began = performance.now();
  const mock = await startMock();
  return { mock, ms: performance.now() - began };
}

/** Sends `count` purchases, `parallel` at a time launched together, timing each from launch to settlement. */
async function purchases(
  label: string,
  send: (index: number) => Promise<unknown>,
  count: number,
  parallel: boolean,
): Promise<Batch> {
  const batch: Batch = { label, latencies: [], errors: 0, firstError: undefined, wallMs: 0 };
  const one = async (index: number) => {
    const began = performance.now();
    try {
      await send(index);
    } catch (error) {
      batch.errors += 1;
      batch.firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    batch.latencies.push(performance.now() - began);
  };
  const began = performance.now();
  if (parallel) {
    await Promise.all(Array.from({ length: count }, (_, index) => one(index)));
  } else {
    for (let index = 0; index < count; index += 1) await one(index);
  }
  batch.wallMs = performance.now() - began;
  return batch;
}

/** Prism's start time, and purchase latency through our client against it, sequential and concurrent. */
export const mockLatency: Benchmark = {
  name: "mock",
  title: "Mock (Prism) start and latency",
  async run(context): Promise<Section> {
    const orders = loadPurchaseExamples().requests.map((request) => request.value as OrderRequest);
    const startTimes: number[] = [];
    for (let attempt = 1; attempt < starts; attempt += 1) {
      context.progress(`mock: start ${attempt}/${starts}`);
      const { mock, ms } = await timedStart();
      startTimes.push(ms);
      await mock.stop();
    }
    context.progress(`mock: start ${starts}/${starts}, then purchases`);
    const { mock, ms } = await timedStart();
    startTimes.push(ms);
    let batches: Batch[];
    let rssKb: number | undefined;
    try {
      const client = createTollFreeClient({ baseUrl: mock.url, token: "bench-token" });
      const send = (index: number) => client.purchaseTollFreeNumbers(orders[index % orders.length]!);
      const warm = await purchases("warm-up", send, warmup, false);
      if (warm.errors > 0) throw new Error(`the mock failed ${warm.errors} warm-up purchases: ${warm.firstError}`);
      batches = [
        await purchases(`${formatNumber(sequential)} sequential purchases`, send, sequential, false),
        await purchases(`${formatNumber(concurrent)} concurrent purchases`, send, concurrent, true),
      ];
      rssKb = await peakRssKb(mock.pid);
    } finally {
      await mock.stop();
    }
    const start = summarize(startTimes);
    const errors = batches.reduce((total, batch) => total + batch.errors, 0);
    const notes: string[] = [];
    for (const batch of batches) {
      if (batch.errors > 0)
        notes.push(`**${batch.label}: ${batch.errors} failed.** First failure: ${batch.firstError}`);
    }

    return {
      title: this.title,
      method: [
        `\`startMock()\` from \`@tf-orders/mock\` (the pinned Prism, \`--errors\`, the bundled spec), timed from ` +
          `the call to Prism's "listening" line, ${starts} times. Then, against the last one, purchases through ` +
          `our client (a token, validation on), cycling through the spec's request examples, after ${warmup} ` +
          `warm-up purchases: ${formatNumber(sequential)} one after another, then ${formatNumber(concurrent)} ` +
          "launched at once, each timed from its call to its settlement. Prism, the client and any other job " +
          "share the machine's cores.",
      ],
      tables: [
        {
          header: ["Prism start (spawn → listening)", "min", "median", "max", "peak RSS of the Prism process"],
          align: ["left", "right", "right", "right", "right"],
          rows: [
            [
              `${starts} starts`,
              formatSeconds(start.min),
              formatSeconds(start.p50),
              formatSeconds(start.max),
              rssKb === undefined ? "n/a" : `${formatNumber(rssKb / 1024, 0)} MiB`,
            ],
          ],
        },
        {
          header: ["Purchases through the client", "p50", "p99", "max", "wall", "purchases/s", "errors"],
          align: ["left", "right", "right", "right", "right", "right", "right"],
          rows: batches.map((batch) => {
            const stats = summarize(batch.latencies);
            return [
              batch.label,
              formatMillis(stats.p50),
              formatMillis(stats.p99),
              formatMillis(stats.max),
              formatSeconds(batch.wallMs),
              formatNumber((batch.latencies.length * 1000) / batch.wallMs),
              formatNumber(batch.errors),
            ];
          }),
        },
      ],
      verdicts: [
        {
          target: `${targets.mockErrors} errors in ${formatNumber(sequential + concurrent)} purchases against the mock`,
          measured: `${formatNumber(errors)} errors`,
          pass: errors <= targets.mockErrors,
        },
      ],
      notes,
    };
  },
};
