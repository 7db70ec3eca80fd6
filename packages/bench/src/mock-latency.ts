import { createTollFreeClient } from "@tf-orders/client";
import { type RunningMock, startMock } from "@tf-orders/mock";
import { Bench, type Task } from "tinybench";
import { quantile } from "./interleaved.js";
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
        const [{ result }] = (await bench.add(label, purchase, { async: true }).run()) as [Task];
        const wallMs = performance.now() - began;
        if (result.state !== "completed") throw new Error(`purchases ${label} ended ${result.state}`);
        const { p50, p99, max } = result.latency;
        const figures = [millis(p50), millis(p99), millis(max), seconds(wallMs), num((count * 1000) / wallMs)];
        rows.push([`${num(count)} ${label}`, ...figures, num(failures.length - failedBefore)]);
      }
    } finally {
      await mock!.stop();
    }
    const total = batches.reduce((sum, { count }) => sum + count, 0);
    return {
      method: [
        "`startMock()` from `@tf-orders/mock` (the pinned Prism, `--errors`, the bundled spec), timed from the " +
          `call to Prism's "listening" line, ${starts} times. Then, against the last one, purchases through our ` +
          `client (validation on), cycling through the spec's request examples, after ${warmup} warm-up ` +
          "purchases; tinybench times each from its call to its answer. Prism and the client share the machine.",
      ],
      tables: [
        {
          header: ["Prism start (call → listening)", "min", "median", "max"],
          rows: [[`${starts} starts`, ...[0, 0.5, 1].map((q) => seconds(quantile(startTimes, q)))]],
        },
        { header: ["Purchases", "p50", "p99", "max", "wall", "purchases/s", "failed"], rows },
      ],
      verdicts: [
        verdict(
          `0 failed purchases of ${num(total)} against the mock`,
          `${failures.length} failed`,
          failures.length === 0,
          () => `The first failure: ${failures[0]}`,
        ),
      ],
    };
  },
};
