import type { OrderRequest } from "@tf-orders/client";
import { formatMicros, formatNumber, formatRatio } from "./format.js";
import { type ContenderSamples, type RoundPlan, runInterleaved } from "./interleaved-rounds.js";
import { startOrderServer } from "./order-server.js";
import { overheadContenders, type Role } from "./overhead-contenders.js";
import type { Benchmark, Section } from "./section.js";
import { loadPurchaseExamples } from "./spec-examples.js";
import { quantileSorted, type Summary, sortedCopy, summarize } from "./stats.js";
import { targets } from "./targets.js";

const plan: RoundPlan = { warmupCalls: 500, rounds: 48, callsPerRound: 125 };

interface Result {
  role: Role;
  name: string;
  summary: Summary;
  roundMedians: number[];
}

/** The p25–p75 range of the per-round ratios of medians: how steady the ratio was through the run. */
function roundSpread(over: Result, under: Result): string {
  const ratios = sortedCopy(over.roundMedians.map((value, round) => value / under.roundMedians[round]!));
  return `${formatNumber(quantileSorted(ratios, 0.25), 3)}–${formatNumber(quantileSorted(ratios, 0.75), 3)}`;
}

/** One step from a contender to the next, with what would remove its cost from the purchase path. */
interface Step {
  label: string;
  from: Role;
  to: Role;
  fix: string;
}

/** The path from raw fetch to our client, one step at a time. */
const steps: readonly Step[] = [
  {
    label: "`validateOrderRequest`",
    from: "raw-fetch",
    to: "fetch-validated",
    fix: "make the validator's accepting path cheaper",
  },
  {
    label: "an abort signal handed to fetch (`AbortController`)",
    from: "fetch-validated",
    to: "fetch-signal",
    fix:
      "keep it: this is undici's own work for a request that can be aborted (listeners on the signal, a " +
      "finalization registry entry), and without a signal a timed-out or cancelled purchase could not be stopped",
  },
  {
    label: "a timer that fires the signal (`setTimeout`, cleared on the answer)",
    from: "fetch-signal",
    to: "fetch-timeout",
    fix: "keep it: the timeout is what stops a hung purchase; one shared timer for all calls would save only this step",
  },
  {
    label: "the rest of our client",
    from: "fetch-timeout",
    to: "client",
    fix:
      "profile `purchaseTollFreeNumbers` on a 2xx: this step is everything it does beyond validating, calling " +
      "fetch and arming a timeout (token lookup, its guard against a lost abort, reading, parsing and checking " +
      "the body, and a `Request` object if it builds one)",
  },
];

/** Beside our client's path: what openapi-fetch's way of calling fetch costs. */
const besideSteps: readonly Step[] = [
  {
    label:
      "a `Request` object, `fetch(new Request(url, init))` instead of `fetch(url, init)` (openapi-fetch builds one per call)",
    from: "raw-fetch",
    to: "request-object",
    fix: "",
  },
  {
    label: "openapi-fetch beyond its `Request` object",
    from: "request-object",
    to: "openapi-fetch",
    fix: "",
  },
];

/**
 * A step gets its fix named when it costs more than this share of raw fetch's median in at least three
 * rounds out of four (its per-round p25): smaller or less steady differences are this machine's noise.
 */
const worthFixing = 0.02;
const steadyRule = `steps that cost more than ${worthFixing * 100} % of raw fetch in at least three rounds out of four`;

function explainMisses(by: (role: Role) => Result, rawPass: boolean, barePass: boolean): string[] {
  const p50 = (role: Role) => by(role).summary.p50;
  const raw = p50("raw-fetch");
  const cost = (step: Step) => p50(step.to) - p50(step.from);
  const steadyCost = (step: Step) => {
    const to = by(step.to).roundMedians;
    const from = by(step.from).roundMedians;
    return quantileSorted(sortedCopy(to.map((value, round) => value - from[round]!)), 0.25);
  };
  const fixes = (candidates: readonly Step[], over: Role, target: number) => {
    const relevant = candidates.filter((step) => steadyCost(step) / raw > worthFixing);
    if (relevant.length === 0) {
      const allowance = p50(over) * (target - 1);
      return (
        `- none: no single step stands out of this machine's noise. The client is ` +
        `${formatMicros(p50("client") - p50(over) - allowance)} over the ${formatMicros(allowance)} the target ` +
        "allows; measure again on an idle machine before changing code."
      );
    }
    return relevant
      .sort((a, b) => cost(b) - cost(a))
      .map((step) => `- ${step.label} (${formatMicros(cost(step))}): ${step.fix}.`)
      .join("\n");
  };
  const notes: string[] = [];
  if (!rawPass) {
    notes.push(
      `**Missed: ≤ ${formatNumber(targets.clientOverRawFetch, 2)} × raw fetch.** Our client adds ` +
        `${formatMicros(p50("client") - raw)} per request to raw fetch's ${formatMicros(raw)} (bare openapi-fetch ` +
        `is ${formatRatio(p50("openapi-fetch") / raw)} raw fetch). Against a real API a purchase takes ` +
        "milliseconds to seconds and these microseconds vanish, but the target is about the client's own cost. " +
        `What would fix it, largest cost first (${steadyRule}):\n\n${fixes(steps, "raw-fetch", targets.clientOverRawFetch)}`,
    );
  }
  if (!barePass) {
    notes.push(
      `**Missed: ≤ ${formatNumber(targets.clientOverOpenapiFetch, 2)} × bare openapi-fetch.** Our client adds ` +
        `${formatMicros(p50("client") - p50("openapi-fetch"))} per request to bare openapi-fetch. What would fix ` +
        `it, largest cost first (${steadyRule}):\n\n${fixes(steps, "openapi-fetch", targets.clientOverOpenapiFetch)}`,
    );
  }
  return notes;
}

/** Per-request overhead of our client against raw fetch and bare openapi-fetch, interleaved in one run. */
export const clientOverhead: Benchmark = {
  name: "overhead",
  title: "Client overhead",
  async run(context): Promise<Section> {
    const orders = loadPurchaseExamples().requests.map((request) => request.value as OrderRequest);
    const server = await startOrderServer();
    let pooled: ContenderSamples[];
    const contenders = overheadContenders(server.url, orders);
    try {
      context.progress(`overhead: ${plan.rounds} interleaved rounds against ${server.url}`);
      pooled = await runInterleaved(contenders, plan, (round) => {
        if ((round + 1) % 10 === 0) context.progress(`overhead: round ${round + 1}/${plan.rounds}`);
      });
    } finally {
      await server.stop();
    }
    const results: Result[] = pooled.map((entry, index) => ({
      role: contenders[index]!.role,
      name: entry.name,
      summary: summarize(entry.samples),
      roundMedians: entry.roundMedians,
    }));
    const by = (role: Role): Result => results.find((result) => result.role === role)!;
    const raw = by("raw-fetch");
    const bare = by("openapi-fetch");
    const ours = by("client");
    const overRaw = ours.summary.p50 / raw.summary.p50;
    const overBare = ours.summary.p50 / bare.summary.p50;
    const rawPass = overRaw <= targets.clientOverRawFetch;
    const barePass = overBare <= targets.clientOverOpenapiFetch;
    const stepRow = (label: string, from: Role, to: Role) => {
      const delta = by(to).summary.p50 - by(from).summary.p50;
      const perRound = sortedCopy(
        by(to).roundMedians.map((value, round) => (value - by(from).roundMedians[round]!) * 1000),
      );
      return [
        label,
        formatMicros(delta),
        `${formatNumber(quantileSorted(perRound, 0.25), 1)} to ${formatNumber(quantileSorted(perRound, 0.75), 1)} µs`,
        `${formatNumber((delta / raw.summary.p50) * 100, 1)} %`,
      ];
    };

    return {
      title: this.title,
      method: [
        "One purchase per call against a local keep-alive `node:http` server that answers with the spec's " +
          "success example (`orderAccepted`). The server runs in a child process, so its work can run on the " +
          "other core instead of the timed event loop; every contender shares Node's default fetch " +
          "(undici) connection pool. Orders cycle through the spec's request examples.",
        `tinybench times each call. The contenders run interleaved: ${plan.rounds} rounds of ` +
          `${plan.callsPerRound} calls each, the order rotating every round, after ${plan.warmupCalls} ` +
          `warm-up calls each, so each figure pools ${formatNumber(plan.rounds * plan.callsPerRound)} calls and ` +
          "slow phases of the machine hit all contenders alike. Ratios are ratios of medians; the spread is the " +
          "p25–p75 range of the same ratio computed per round.",
        "Raw fetch, bare openapi-fetch and our client are the issue's contenders. The other rows are not: three " +
          "build up from raw fetch one thing at a time (validation, then an abort signal, then a timer that " +
          "fires it), one adds only the " +
          "`Request` object that openapi-fetch builds, so the second table can split the differences into steps. " +
          "Step costs are differences of medians, with the p25–p75 range of the same difference per round: a " +
          "step of a few µs is within the noise of this machine and can come out negative.",
      ],
      tables: [
        {
          header: [
            "Contender",
            "p50",
            "p99",
            "mean",
            "p50 / raw fetch",
            "p99 / raw fetch",
            "p50 / openapi-fetch",
            "per-round p50 / raw fetch (p25–p75)",
          ],
          align: ["left", "right", "right", "right", "right", "right", "right", "right"],
          rows: results.map((result) => [
            result.name,
            formatMicros(result.summary.p50),
            formatMicros(result.summary.p99),
            formatMicros(result.summary.mean),
            formatRatio(result.summary.p50 / raw.summary.p50),
            formatRatio(result.summary.p99 / raw.summary.p99),
            formatRatio(result.summary.p50 / bare.summary.p50),
            roundSpread(result, raw),
          ]),
        },
        {
          caption: "What costs what (differences of medians; share of raw fetch's median)",
          header: ["Step", "Adds per request", "per round (p25 to p75)", "Share of raw fetch"],
          align: ["left", "right", "right", "right"],
          rows: [
            ...steps.map((step) => stepRow(step.label, step.from, step.to)),
            ...besideSteps.map((step) => stepRow(`_beside:_ ${step.label}`, step.from, step.to)),
            stepRow("**our client against raw fetch, in total**", "raw-fetch", "client"),
          ],
        },
      ],
      verdicts: [
        {
          target: `our client ≤ ${formatNumber(targets.clientOverRawFetch, 2)} × raw fetch (p50)`,
          measured: `${formatRatio(overRaw)} (${formatMicros(ours.summary.p50)} vs ${formatMicros(raw.summary.p50)})`,
          pass: rawPass,
        },
        {
          target: `our client ≤ ${formatNumber(targets.clientOverOpenapiFetch, 2)} × bare openapi-fetch (p50)`,
          measured: `${formatRatio(overBare)} (${formatMicros(ours.summary.p50)} vs ${formatMicros(bare.summary.p50)})`,
          pass: barePass,
        },
      ],
      notes: explainMisses(by, rawPass, barePass),
    };
  },
};
