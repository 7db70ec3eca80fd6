import { execFile } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { type Measurement, verdict } from "./measurement.js";
import { num, seconds } from "./report.js";

const exec = promisify(execFile);
const limitMiB = 64;
const clientUrl = `file://${createRequire(import.meta.url).resolve("@tf-orders/client")}`;
/**
 * Each contender runs alone in a fresh Node process, so its peak RSS is its own: what it loads first, then the one
 * purchase that is measured. It prints one JSON line.
 */
const contenders: [label: string, setup: string, purchase: string][] = [
  [
    "our client (maxResponseBytes: 64 KiB)",
    `const { createTollFreeClient } = await import(${JSON.stringify(clientUrl)});
     const client = createTollFreeClient({ token: "bench-token", baseUrl: url });`,
    "await client.purchaseTollFreeNumbers(order).catch((e) => e);",
  ],
  [
    "fetch() + response.text(), given up after 5 s",
    "",
    `await fetch(url + "/_rest/v3/my/tf/orders", { method: "POST", body: JSON.stringify(order), signal: AbortSignal.timeout(5000) })
       .then((response) => response.text()).catch((e) => e);`,
  ],
];
const script = (setup: string, purchase: string) => `
  const url = process.argv[1], order = { quantity: 1, packageID: 1234567, serviceArea: 4 };
  ${setup}
  const before = process.resourceUsage().maxRSS, began = performance.now();
  ${purchase}
  console.log(JSON.stringify({ growthKiB: process.resourceUsage().maxRSS - before, ms: performance.now() - began }));`;

/** One purchase against a 200 whose body never ends: how much the process grows before the call gives up. */
export const endlessAnswer: Measurement = {
  name: "endless",
  title: "One purchase against an endless answer",
  async run({ progress }) {
    const chunk = Buffer.alloc(64 * 1024, "[");
    const server = createServer((request, response) => {
      request.resume().on("end", () => {
        response.writeHead(200, { "content-type": "application/json" }).on("error", () => undefined);
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once("drain", pump);
        };
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rows: string[][] = [];
    const growth: number[] = [];
    try {
      for (const [label, setup, purchase] of contenders) {
        progress(`endless: ${label}`);
        const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script(setup, purchase), url]);
        const figures = JSON.parse(stdout) as { growthKiB: number; ms: number };
        growth.push(figures.growthKiB / 1024);
        rows.push([label, `${num(figures.growthKiB / 1024, 1)} MiB`, seconds(figures.ms)]);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
    const measured = `${num(growth[0]!, 1)} MiB`;
    return {
      method: [
        "A local server answers every request with a 200 whose body never ends (64 KiB chunks as fast as the " +
          "socket takes them). Each contender makes one purchase in a fresh Node process; the figure is the " +
          "growth of that process's peak resident memory (`process.resourceUsage().maxRSS`) across the call.",
      ],
      tables: [{ header: ["Contender", "Peak RSS growth", "Until the call ended"], rows }],
      verdicts: [
        verdict(
          `peak RSS growth ≤ ${limitMiB} MiB`,
          measured,
          growth[0]! <= limitMiB,
          () => "The client read more of the answer than maxResponseBytes allows: check readCapped in transport.ts.",
        ),
      ],
    };
  },
};
