import { validateOrderRequest } from "@tf-orders/client";
import { Bench } from "tinybench";
import { latencyOf } from "./interleaved.js";
import { type Measurement, verdict } from "./measurement.js";
import { loadPurchaseExamples } from "./purchase-examples.js";
import { num } from "./report.js";

/** Issue 12: valid orders per second on one core. */
const target = 1_000_000;
/** Orders per timed call, so that the timer's own cost and resolution do not matter. */
const batch = 1000;

/** How fast `validateOrderRequest` accepts valid orders, on Node's main thread. */
export const validationSpeed: Measurement = {
  name: "validation",
  title: "Validation speed",
  async run({ progress }) {
    const examples = loadPurchaseExamples().requests;
    // Distinct deep copies, so that the validator never sees one object twice in a row.
    const orders = Array.from({ length: batch }, (_, i) => structuredClone(examples[i % examples.length]!.order));
    if (!orders.every((order) => validateOrderRequest(order).ok)) throw new Error("a spec request example is invalid");
    // Counting verdicts keeps the results alive, so no optimiser can drop the calls.
    let accepted = 0;
    const bench = new Bench({ time: 3000, warmupTime: 500, throws: true });
    bench.add("valid orders", () => {
      for (const order of orders) if (validateOrderRequest(order).ok) accepted += 1;
    });
    progress("validation: timing");
    await bench.run();
    if (accepted === 0) throw new Error("nothing was validated while timing");
    const { p50, p99, min, samplesCount } = latencyOf(bench, "valid orders");
    const [median, best] = [p50, min].map((ms) => (batch * 1000) / ms) as [number, number];
    const measured = `${num(median)} orders/s`;
    const why = () =>
      best >= target
        ? `The fastest batch reached ${num(best)} orders/s: the validator can meet the target, and what else ran ` +
          "(see the load average) slowed the median; rerun on an idle machine before changing the validator."
        : `Even the fastest batch reached only ${num(best)} orders/s: profile \`validateOrderRequest\` on valid ` +
          "orders (`node --cpu-prof`) and take work off the accepting path.";
    return {
      method: [
        "`validateOrderRequest` from `@tf-orders/client`, timed by tinybench on Node's main thread, each call " +
          `validating a batch of ${num(batch)} copies of the spec's request examples ` +
          `(${examples.map((e) => `\`${e.name}\``).join(", ")}).`,
      ],
      tables: [
        {
          header: ["orders/s (median batch)", "orders/s (fastest batch)", "ns/order p50", "ns/order p99", "batches"],
          rows: [[median, best, p50 * 1e3, p99 * 1e3, samplesCount].map((n) => num(n))],
        },
      ],
      verdicts: [verdict(`≥ ${num(target)} valid orders/s on one core`, measured, median >= target, why)],
    };
  },
};
