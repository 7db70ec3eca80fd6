import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cloneWithModules } from "./build-pipeline.js";
import { quantile } from "./interleaved.js";
import { type Measurement, verdict } from "./measurement.js";
import { num, seconds } from "./report.js";

const exec = promisify(execFile);
const edits = 5;
const probeEveryMs = 50;

/**
 * `npm start` in a throw-away clone: five edits of the spec's title, each timed from the write to the dev server's
 * verdict, while a client probes the mock every 50 ms and counts the connections it refuses.
 */
export const npmStartEdits: Measurement = {
  name: "start",
  title: "npm start: five spec edits",
  async run({ repoRoot, progress }) {
    const clone = await mkdtemp(join(tmpdir(), "tf-orders-start-"));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TURBO_")));
    try {
      progress("start: cloning the commit and building every app");
      const commit = (await exec("git", ["rev-parse", "HEAD"], { cwd: repoRoot })).stdout.trim();
      await cloneWithModules(repoRoot, commit, clone);
      const turbo = join(clone, "node_modules", ".bin", "turbo");
      await exec(turbo, ["run", "build", "--filter=./apps/*"], { cwd: clone, env, maxBuffer: 2 ** 26 });
      const server = spawn(
        process.execPath,
        ["apps/docs/dist/lib/bin/start.js", "--docs-port", "0", "--mock-port", "0", "--desk-port", "0"],
        {
          cwd: clone,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      for (const stream of [server.stdout, server.stderr]) stream.on("data", (chunk: Buffer) => (output += chunk));
      const waitFor = async (pattern: RegExp, from: number) => {
        for (let match = pattern.exec(output.slice(from)); ; match = pattern.exec(output.slice(from))) {
          if (match) return match;
          if (server.exitCode !== null) throw new Error(`npm start ended:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      try {
        const mockUrl = (await waitFor(/Mock {2}(\S+)/, 0))[1]!;
        let [probes, refused, probing] = [0, 0, true];
        const prober = (async () => {
          for (; probing; probes++) {
            await fetch(`${mockUrl}/_rest/v3/my/tf/orders`, { method: "OPTIONS" }).catch(() => refused++);
            await new Promise((resolve) => setTimeout(resolve, probeEveryMs));
          }
        })();
        const rows: string[][] = [];
        const times: number[] = [];
        const specFile = join(clone, "spec", "openapi.yaml");
        for (let edit = 1; edit <= edits; edit++) {
          progress(`start: edit ${edit} of ${edits}`);
          const [from, probesBefore, refusedBefore] = [output.length, probes, refused];
          const text = await readFile(specFile, "utf8");
          const began = performance.now();
          await writeFile(specFile, text.replace(/title: ([^(\n]+?)( \(edit \d+\))?\n/, `title: $1 (edit ${edit})\n`));
          const [verdictLine] = await waitFor(/^[✓✗][^\n]*/m, from);
          times.push(performance.now() - began);
          rows.push([
            `edit ${edit}`,
            seconds(times.at(-1)!, 1),
            verdictLine.slice(0, 2).trim(),
            num(probes - probesBefore),
            num(refused - refusedBefore),
          ]);
        }
        probing = false;
        await prober;
        return {
          method: [
            `A clone of the commit with the installed node_modules, every app built, then the docs' dev server ` +
              `(\`npm start\`'s) on free ports. Each edit rewrites the title in spec/openapi.yaml (in place), so every ` +
              `task that reads the spec reruns; it is timed from the write to the dev server's ✓ or ✗ line. A ` +
              `client sends an OPTIONS request to the mock every ${probeEveryMs} ms throughout and counts refusals.`,
          ],
          tables: [{ header: ["Edit", "Rebuilt in", "Result", "Probes", "Refused"], rows }],
          verdicts: [
            verdict(
              "0 refused connections through five edits",
              `${num(refused)} of ${num(probes)}`,
              refused === 0,
              () =>
                "The mock was stopped before its successor listened: check swapSpec in packages/mock/src/engines.ts.",
            ),
            verdict(
              "every edit rebuilt (✓)",
              `rebuild p50 ${seconds(quantile(times, 0.5), 1)}`,
              rows.every((row) => row[2] === "✓"),
              () => `An edit failed:\n${output.slice(-2000)}`,
            ),
          ],
        };
      } finally {
        server.kill("SIGINT");
        await new Promise((resolve) => server.once("close", resolve));
      }
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  },
};
