import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { promisify } from "node:util";
import { type Measurement, verdict } from "./measurement.js";
import { seconds } from "./report.js";

const exec = promisify(execFile);
const names = (items: string[]) => items.map((item) => `\`${item}\``).join(", ") || "none";

/**
 * A clone of the commit with the installed node_modules copied in (`cp -a` keeps the workspace links inside
 * the clone; `npm ci` is not what is measured) and no dist/ or turbo cache, so that its first build is cold.
 */
export async function cloneWithModules(repoRoot: string, commit: string, clone: string): Promise<void> {
  await exec("git", ["clone", "--quiet", "--no-checkout", repoRoot, clone]);
  await exec("git", ["checkout", "--quiet", commit], { cwd: clone });
  const manifests = (await exec("git", ["ls-files", "package.json", "*/package.json"], { cwd: clone })).stdout;
  for (const folder of manifests.split("\n").filter(Boolean).map(dirname)) {
    const installed = join(repoRoot, folder, "node_modules");
    if (existsSync(installed)) await exec("cp", ["-a", installed, join(clone, folder)]);
  }
}

/** One `turbo run build`: wall time, the tasks that ran, FULL TURBO or not, and every task input with its hash. */
async function turboBuild(clone: string, label: string) {
  const runs = join(clone, ".turbo", "runs");
  const seen = new Set(existsSync(runs) ? await readdir(runs) : []);
  // Without the variables of the outer turbo (`npm run bench` runs under turbo): the clone's starts afresh.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TURBO_")));
  const began = performance.now();
  const { stdout } = await exec(join(clone, "node_modules", ".bin", "turbo"), ["run", "build", "--summarize"], {
    cwd: clone,
    env: { ...env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", NO_COLOR: "1" },
    maxBuffer: 2 ** 26,
  });
  const wallMs = performance.now() - began;
  const summary = (await readdir(runs)).find((name) => !seen.has(name))!;
  const { tasks } = JSON.parse(await readFile(join(runs, summary), "utf8")) as {
    tasks: { taskId: string; cache: { status: string }; directory: string; inputs: Record<string, string> }[];
  };
  const ran = tasks.filter((task) => task.cache.status !== "HIT").map((task) => task.taskId);
  const inputs = tasks.flatMap(({ directory, inputs }) =>
    Object.entries(inputs).map(([file, hash]) => `${posix.join(directory, file)} ${hash}`),
  );
  return { label, wallMs, ran, cached: tasks.length - ran.length, fullTurbo: stdout.includes("FULL TURBO"), inputs };
}

/** `turbo run build` cold in a throw-away clone, then again with nothing changed. */
export const buildPipeline: Measurement = {
  name: "pipeline",
  title: "Build pipeline (turbo)",
  async run({ repoRoot, progress }) {
    const commit = (await exec("git", ["rev-parse", "HEAD"], { cwd: repoRoot })).stdout.trim();
    const clone = await mkdtemp(join(tmpdir(), "tf-orders-pipeline-"));
    try {
      progress("pipeline: cloning the commit, copying node_modules, building cold");
      await cloneWithModules(repoRoot, commit, clone);
      const cold = await turboBuild(clone, "cold build");
      progress("pipeline: no-op rerun");
      const noop = await turboBuild(clone, "no-op rerun");
      const changed = noop.inputs.filter((input) => !cold.inputs.includes(input)).map((input) => input.split(" ")[0]!);
      const why = () =>
        `With nothing edited, ${names(noop.ran)} ran again; these inputs changed between the two runs: ` +
        `${names([...new Set(changed)].sort())}. Files a build writes must not be task inputs: exclude them from ` +
        "the tasks' `inputs` in `turbo.json`.";
      const pass = noop.fullTurbo && noop.ran.length === 0;
      const measured = pass ? `yes, in ${seconds(noop.wallMs)}` : `no, ${noop.ran.length} tasks ran`;
      return {
        method: [
          `\`turbo run build --summarize\` twice in a throw-away clone of \`${commit.slice(0, 7)}\` with the ` +
            "installed `node_modules` and no `dist/` or cache: cold, then with nothing changed.",
        ],
        tables: [
          {
            header: ["Run", "Wall", "Tasks run / cached", "`FULL TURBO`", "Tasks that ran"],
            rows: [cold, noop].map((b) => [
              b.label,
              seconds(b.wallMs),
              `${b.ran.length} / ${b.cached}`,
              b.fullTurbo ? "yes" : "no",
              names(b.ran),
            ]),
          },
        ],
        verdicts: [verdict("no-op rerun prints `FULL TURBO`", measured, pass, why)],
      };
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  },
};
