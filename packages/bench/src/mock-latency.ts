import { createTollFreeClient } from "@tf-orders/client";
import { type RunningMock, startMock } from "@tf-orders/mock";
import { Bench } from "tinybench";
import { latencyOf, quantile } from "./interleaved.js";
import { type Measurement, verdict } from "./measurement.js";
import { loadPurchaseExamples, orderCycle } from "./purchase-examples.js";
import { millis, num, seconds } from "./report.js";

const starts = 3;
const warmup = 50;
/** Purchases one after another, then launched all at once. */
const batches = [
  { count: 1000, concurrency: null, label: "one after another" },
  { count: 200, concurrency: "task", label: "launched at once" },
] as const;

/** Prism's start time, then purchase latency through our client against it. */
export const mockLatency: Measurement = {
  name: "mock",
  title: "Mock (Prism) start and latency",
  async run(context) {
    const startTimes: number[] = [];
    let mock: RunningMock | undefined;
    for (let attempt = 1; attempt <= starts; attempt += 1) {
      context.progress(`mock: start ${attempt}/${starts}`);
      await mock?.stop();
      const began = performance.now();
      mock = await startMock();
      startTimes.push(performance.now() - began);
    }
    const failures: string[] = [];
    const rows: string[][] = [];
    try {
      const client = createTollFreeClient({ baseUrl: mock!.url, token: "bench-token" });
      const next = orderCycle(loadPurchaseExamples());
      for (let index = 0; index < warmup; index += 1) await client.purchaseTollFreeNumbers(next());
      // Counted, not thrown: the target is that none fails.
      const purchase = () => client.purchaseTollFreeNumbers(next()).catch((error) => void failures.push(String(error)));
      for (const { count, concurrency, label } of batches) {
        context.progress(`mock: ${count} purchases ${label}`);
        const bench = new Bench({ iterations: count, time: 0, warmup: false, concurrency, threshold: count });
        const [failedBefore, began] = [failures.length, performance.now()];
        await bench.add(label, purchase, { async: true }).run();
        const wallMs = performance.now() - began;
        const { p50, p99, max } = latencyOf(bench, label);
        const figures = [millis(p50), millis(p99), millis(max), seconds(wallMs), num((count * 1000) / wallMs)];
        rows.push([`${num(count)} ${label}`, ...figures, num(failures.length - failedBefore)]);
      }
    } finally {
      await mock!.stop();
    }
    const [total, failed] = [batches.reduce((sum, { count }) => sum + count, 0), failures.length];
    const why = () => `First failure: ${failures[0]}`;
    return {
      method: [
        `\`startMock()\` (the pinned Prism, \`--errors\`) timed to its "listening" line, ${starts} times; then, ` +
          `against the last one and after ${warmup} warm-up purchases, purchases of the spec's request examples ` +
          "through our client, each timed by tinybench from its call to its answer.",
      ],
      tables: [
        {
          header: ["Prism start (call → listening)", "min", "median", "max"],
          rows: [[`${starts} starts`, ...[0, 0.5, 1].map((q) => seconds(quantile(startTimes, q)))]],
        },
        { header: ["Purchases", "p50", "p99", "max", "wall", "purchases/s", "failed"], rows },
      ],
      verdicts: [verdict(`0 failed purchases of ${num(total)}`, `${failed} failed`, failed === 0, why)],
    };
  },
};
