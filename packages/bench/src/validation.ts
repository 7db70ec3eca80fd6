import { validateOrderRequest } from "@tf-orders/client";
import { Bench } from "tinybench";
import { formatNumber } from "./format.js";
import { invalidOrders, validOrders } from "./order-corpus.js";
import type { Benchmark, Section } from "./section.js";
import { loadPurchaseExamples } from "./spec-examples.js";
import { summarize } from "./stats.js";
import { targets } from "./targets.js";

/** Orders validated per timed call: enough that the timer's own cost and resolution do not matter. */
const batch = 1000;

interface Measured {
  name: string;
  /** Orders per second from the median batch. */
  medianRate: number;
  /** Orders per second over all batches (total orders / total time). */
  meanRate: number;
  /** Orders per second in the fastest batch: the rate with the core to itself. */
  bestRate: number;
  /** Nanoseconds per order in the median and the 99th-percentile batch. */
  p50Ns: number;
  p99Ns: number;
  batches: number;
}

function checkCorpus(orders: readonly unknown[], expectValid: boolean): void {
  for (const order of orders) {
    if (validateOrderRequest(order).ok !== expectValid) {
      throw new Error(
        `validateOrderRequest ${expectValid ? "rejected" : "accepted"} an order the harness built as ` +
          `${expectValid ? "valid" : "invalid"}: ${JSON.stringify(order)}`,
      );
    }
  }
}

function missNote(valid: Measured, cpuShare: number): string {
  const contended = cpuShare < 0.9 && valid.bestRate >= targets.validOrdersPerSecond;
  return (
    `**Missed** at the median: ${formatNumber(valid.medianRate)} valid orders/s, ${formatNumber(valid.p50Ns, 0)} ns ` +
    `per order against a budget of ${formatNumber(1e9 / targets.validOrdersPerSecond, 0)} ns. ` +
    (contended
      ? `The process had only ${formatNumber(cpuShare * 100, 0)} % of a core while other jobs ran, and its ` +
        `fastest batch reached ${formatNumber(valid.bestRate)} orders/s: the validator meets the target on a ` +
        "core of its own; rerun `npm run bench` on an idle machine to confirm."
      : `Even the fastest batch reached only ${formatNumber(valid.bestRate)} orders/s, so the validator itself ` +
        "is too slow: profile `validateOrderRequest` on valid orders (`node --cpu-prof`) and take work off " +
        "the accepting path, such as building error context that only a rejection needs.")
  );
}

/** Validation speed of valid and invalid orders, with tinybench, on Node's main thread. */
export const validation: Benchmark = {
  name: "validation",
  title: "Validation speed",
  async run(context): Promise<Section> {
    const examples = loadPurchaseExamples();
    const corpora = [
      { name: "valid orders (the spec's request examples)", orders: validOrders(examples, batch), valid: true },
      { name: "invalid orders (seeded random mutations)", orders: invalidOrders(examples, batch), valid: false },
    ];
    for (const corpus of corpora) checkCorpus(corpus.orders, corpus.valid);
    const issues = corpora[1]!.orders.map((order) => {
      const verdict = validateOrderRequest(order);
      return verdict.ok ? 0 : verdict.errors.length;
    });
    const meanIssues = issues.reduce((sum, count) => sum + count, 0) / issues.length;

    let sink = 0;
    const bench = new Bench({ time: 3000, iterations: 200, warmupTime: 500, retainSamples: true, throws: true });
    for (const corpus of corpora) {
      bench.add(corpus.name, () => {
        for (const order of corpus.orders) if (validateOrderRequest(order).ok) sink += 1;
      });
    }
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    context.progress("validation: timing valid and invalid orders");
    await bench.run();
    const wall = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    if (sink === 0) throw new Error("no order validated: the benchmark measured nothing");

    const measured: Measured[] = bench.tasks.map((task) => {
      const result = task.result;
      if (result.state !== "completed" || result.latency.samples === undefined) {
        throw new Error(`validation task ${task.name} did not complete (${result.state})`);
      }
      const stats = summarize(result.latency.samples);
      return {
        name: task.name,
        medianRate: (batch * 1000) / stats.p50,
        meanRate: (batch * 1000) / stats.mean,
        bestRate: (batch * 1000) / stats.min,
        p50Ns: (stats.p50 * 1e6) / batch,
        p99Ns: (stats.p99 * 1e6) / batch,
        batches: stats.count,
      };
    });
    const valid = measured[0]!;
    const cpuShare = (cpu.user + cpu.system) / 1000 / wall;

    return {
      title: this.title,
      method: [
        `\`validateOrderRequest\` from \`@tf-orders/client\`, timed by tinybench on Node's main thread (one ` +
          `core; no workers). Each timed call validates a batch of ${formatNumber(batch)} orders, so the timer's ` +
          "own cost is negligible; rates are orders per second.",
        `Valid orders are deep copies of the spec's ${examples.requests.length} named request examples ` +
          `(${examples.requests.map((request) => `\`${request.name}\``).join(", ")}), read from ` +
          "`@tf-orders/spec/openapi.json`. Invalid orders are those examples with one to three seeded random " +
          "mutations (an unknown key, a field set to an object, a field set to null) plus a few non-objects; " +
          `the validator reports ${formatNumber(meanIssues, 2)} problems per invalid order on average. Before ` +
          "timing, the harness checks that every valid order is accepted and every invalid one rejected.",
        `During the timing, the process used ${formatNumber(cpuShare * 100, 0)} % of one core (CPU time / wall ` +
          "time; above 100 % when V8's helper threads ran). " +
          (cpuShare < 0.9
            ? "Other jobs took the rest: the mean suffers most from that, the median and best batches least."
            : "It had the core to itself."),
      ],
      tables: [
        {
          header: [
            "Orders",
            "Orders/s (median batch)",
            "Orders/s (all batches)",
            "Orders/s (best batch)",
            "ns/order p50",
            "ns/order p99",
            "Batches",
          ],
          align: ["left", "right", "right", "right", "right", "right", "right"],
          rows: measured.map((entry) => [
            entry.name,
            formatNumber(entry.medianRate),
            formatNumber(entry.meanRate),
            formatNumber(entry.bestRate),
            formatNumber(entry.p50Ns, 0),
            formatNumber(entry.p99Ns, 0),
            formatNumber(entry.batches),
          ]),
        },
      ],
      verdicts: [
        {
          target: `≥ ${formatNumber(targets.validOrdersPerSecond)} valid orders/s on one core`,
          measured: `${formatNumber(valid.medianRate)} orders/s`,
          pass: valid.medianRate >= targets.validOrdersPerSecond,
        },
      ],
      notes: valid.medianRate >= targets.validOrdersPerSecond ? [] : [missNote(valid, cpuShare)],
    };
  },
};
