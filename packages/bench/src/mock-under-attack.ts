import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Measurement, verdict } from "./measurement.js";
import { millis, num } from "./report.js";

const exec = promisify(execFile);
const windowMs = 10_000;
const targetP99Ms = 1000;

type Latencies = { purchases: number; notAnswered: number; p50Ms: number; p99Ms: number; maxMs: number };
type Attack = {
  attackers: number;
  limitBytes: number;
  worstBody: string;
  mock: { idle: Latencies; attacked: Latencies };
  prismCli: { idle: Latencies; attacked: Latencies };
};

/**
 * Valid purchases on the mock while the worst bodies under its limit arrive in parallel, beside the Prism CLI mock
 * `startMock` ran before. The work is packages/mock's own script (it knows the mock's limit and its engines).
 */
export const mockUnderAttack: Measurement = {
  name: "attack",
  title: "Mock under attack: valid purchases while the worst bodies arrive",
  async run({ repoRoot, progress }) {
    progress(`attack: ${windowMs / 1000} s idle and attacked, the mock and then the Prism CLI`);
    const script = join(repoRoot, "packages", "mock", "dist", "bench", "attacked-purchases.js");
    const { stdout } = await exec(process.execPath, [script, "--window-ms", String(windowMs)], { maxBuffer: 2 ** 24 });
    const result = JSON.parse(stdout) as Attack;
    const row = (label: string, { purchases, notAnswered, p50Ms, p99Ms, maxMs }: Latencies) => [
      label,
      num(purchases),
      num(notAnswered),
      millis(p50Ms),
      millis(p99Ms),
      millis(maxMs),
    ];
    const attacked = result.mock.attacked;
    return {
      method: [
        `Valid purchases, one after another for ${windowMs / 1000} s, first on an idle server, then while ` +
          `${result.attackers} clients keep sending the costliest body under the ${num(result.limitBytes)}-byte ` +
          `limit (${result.worstBody}). \`node packages/mock/dist/bench/attacked-purchases.js\` does the work.`,
      ],
      tables: [
        {
          header: ["Server", "Purchases", "Not answered", "p50", "p99", "max"],
          rows: [
            row("the mock, idle", result.mock.idle),
            row("the mock, attacked", attacked),
            row("Prism CLI (before), idle", result.prismCli.idle),
            row("Prism CLI (before), attacked", result.prismCli.attacked),
          ],
        },
      ],
      verdicts: [
        verdict(
          `valid purchases under attack: all answered, p99 ≤ ${millis(targetP99Ms)}`,
          `${num(attacked.notAnswered)} unanswered, p99 ${millis(attacked.p99Ms)}`,
          attacked.notAnswered === 0 && attacked.p99Ms <= targetP99Ms,
          () => "The prompt engine was held up by heavy bodies: check the lanes in packages/mock/src/engines.ts.",
        ),
      ],
    };
  },
};
