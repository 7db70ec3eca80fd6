/**
 * Benchmark: connections refused while the served spec changes five times and a client probes every 50 ms.
 * `swapSpec` (what `npm start` now does on an edit) against a stop and restart of the Prism CLI on the same
 * port (what it did before).
 *
 * Run (after `npm run build`): `node packages/mock/dist/bench/swap-refusals.js [--edits 5] [--probe-ms 50]`
 * It prints one JSON document on stdout.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadBundledSpec } from "@tf-orders/spec/reader";
import { launchPrismCliMock } from "../prism-process.js";
import { startMock } from "../start-mock.js";
import { ms, orderUrl, percentile, validOrder } from "./measure.js";

/** Options of {@link measureSwapRefusals}. */
export interface SwapOptions {
  /** How many times the spec changes. Default 5. */
  edits?: number;
  /** How often a probe is sent, whether or not the last one was answered. Default 50 ms. */
  probeMs?: number;
}

type Outcome = "answered" | "refused" | "failed";

/** Probes a server every `probeMs` with a valid purchase until stopped, and tallies the outcomes. */
function probe(baseUrl: () => string, probeMs: number) {
  const tally: Record<Outcome, number> = { answered: 0, refused: 0, failed: 0 };
  const statuses: Record<string, number> = {};
  const order = JSON.stringify(validOrder());
  const sent: Promise<void>[] = [];
  const send = async () => {
    try {
      const response = await fetch(orderUrl(baseUrl()), {
        method: "POST",
        headers: { authorization: "bench-token", "content-type": "application/json" },
        body: order,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      tally.answered += 1;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      tally[code === "ECONNREFUSED" ? "refused" : "failed"] += 1;
    }
  };
  const timer = setInterval(() => sent.push(send()), probeMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(sent);
      return { probes: sent.length, ...tally, statuses };
    },
  };
}

/** Two versions of the spec to switch between: the bundle, and a copy whose accepted order has another ID. */
async function specVersions(folder: string): Promise<[string, string]> {
  const edited = structuredClone(loadBundledSpec());
  (edited.components.examples!.OrderAcceptedExample as { value: { orderID: number } }).value.orderID = 1;
  const paths = [join(folder, "a.json"), join(folder, "b.json")] as [string, string];
  await writeFile(paths[0], JSON.stringify(loadBundledSpec()));
  await writeFile(paths[1], JSON.stringify(edited));
  return paths;
}

async function timed(step: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await step();
  return performance.now() - started;
}

/** Five edits (by default) served with `swapSpec`, while probing. */
async function throughSwaps(specs: [string, string], edits: number, probeMs: number) {
  const mock = await startMock({ spec: specs[0] });
  try {
    const probing = probe(() => mock.url, probeMs);
    const editMs: number[] = [];
    for (let edit = 1; edit <= edits; edit++) editMs.push(await timed(() => mock.swapSpec(specs[edit % 2]!)));
    return { ...(await probing.stop()), editMs: editMs.map(ms), p50EditMs: ms(percentile(editMs, 50)) };
  } finally {
    await mock.stop();
  }
}

/** The same edits served as `npm start` did before: the Prism CLI stopped, then started again on its port. */
async function throughRestarts(specs: [string, string], edits: number, probeMs: number) {
  let cli = await launchPrismCliMock(specs[0], 0);
  const port = Number(new URL(cli.url).port);
  try {
    const probing = probe(() => cli.url, probeMs);
    const editMs: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      editMs.push(
        await timed(async () => {
          await cli.stop();
          cli = await launchPrismCliMock(specs[edit % 2]!, port);
        }),
      );
    }
    return { ...(await probing.stop()), editMs: editMs.map(ms), p50EditMs: ms(percentile(editMs, 50)) };
  } finally {
    await cli.stop();
  }
}

/** Runs the benchmark: `swapSpec` first, then the Prism CLI stopped and restarted on its port. */
export async function measureSwapRefusals(options: SwapOptions = {}) {
  const { edits, probeMs } = { edits: 5, probeMs: 50, ...options };
  const folder = await mkdtemp(join(tmpdir(), "tf-orders-swap-bench-"));
  try {
    const specs = await specVersions(folder);
    return {
      edits,
      probeMs,
      swapSpec: await throughSwaps(specs, edits, probeMs),
      prismCliRestart: await throughRestarts(specs, edits, probeMs),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { edits: { type: "string" }, "probe-ms": { type: "string" } } });
  const options: SwapOptions = {};
  if (values.edits !== undefined) options.edits = Number(values.edits);
  if (values["probe-ms"] !== undefined) options.probeMs = Number(values["probe-ms"]);
  console.log(JSON.stringify(await measureSwapRefusals(options), null, 2));
}
