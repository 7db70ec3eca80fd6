import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Measurement, verdict } from "./measurement.js";
import { bytes, num } from "./report.js";

const exec = promisify(execFile);
type Sizes = { minified: number; gzip: number };

/** The JavaScript the order desk ships, and the client's part of it (the desk's own measure script). */
export const deskBundle: Measurement = {
  name: "desk",
  title: "Order desk (apps/web): shipped JavaScript",
  async run({ repoRoot, progress }) {
    progress("desk: building the desk in memory");
    const script = join(repoRoot, "apps", "web", "scripts", "measure-bundle.mjs");
    const { stdout } = await exec(process.execPath, [script], { cwd: join(repoRoot, "apps", "web") });
    const { js, client } = JSON.parse(stdout) as {
      js: { total: Sizes };
      client: Sizes & { renderedBytesInChunk: Record<string, number> };
    };
    const openapiFetch = client.renderedBytesInChunk["openapi-fetch"] ?? 0;
    const share = (part: number, whole: number) => `${num((100 * part) / whole, 1)} %`;
    return {
      method: [
        "`npm run measure -w @tf-orders/web` builds the desk with its own Vite config in memory; each file is " +
          "minified as shipped and gzipped at level 9. The client ships as a chunk of its own, so its share is a " +
          "file's size.",
      ],
      tables: [
        {
          header: ["Part", "Minified", "gzip", "Share of gzip"],
          rows: [
            ["all JavaScript", bytes(js.total.minified), bytes(js.total.gzip), "100 %"],
            ["@tf-orders/client", bytes(client.minified), bytes(client.gzip), share(client.gzip, js.total.gzip)],
          ],
        },
      ],
      verdicts: [
        verdict(
          "the desk ships no openapi-fetch",
          `${num(openapiFetch)} B of it`,
          openapiFetch === 0,
          () =>
            "Something in the desk imports @tf-orders/client/raw, or the client's main entry imports openapi-fetch.",
        ),
      ],
    };
  },
};
