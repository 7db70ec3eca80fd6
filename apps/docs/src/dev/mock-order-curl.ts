import { readFile } from "node:fs/promises";
import { type BundledSpec, locateOperation, mockServer } from "@tf-orders/spec/reader";

interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** The purchase's curl `x-codeSamples` entry, or undefined when the document is not a bundle of this API. */
function curlSample(spec: BundledSpec): CodeSample | undefined {
  try {
    const samples = locateOperation(spec, "purchaseTollFreeNumbers").operation["x-codeSamples"] as
      | CodeSample[]
      | undefined;
    return samples?.find((candidate) => (candidate.label ?? candidate.lang).toLowerCase() === "curl");
  } catch {
    return undefined;
  }
}

/**
 * The spec's own curl sample for a purchase (spec/code-samples/purchase-toll-free-numbers.sh, through
 * `x-codeSamples`), without its comment lines, aimed at the running mock: the spec's loopback server is
 * replaced with the mock's real URL. It reads the given bundle rather than the installed one, because
 * `npm start` serves the workspace it watches.
 *
 * @throws Error naming the file when it has no curl sample for purchaseTollFreeNumbers.
 */
export async function mockOrderCurl(bundledSpecJson: string, mockUrl: string): Promise<string> {
  const spec = JSON.parse(await readFile(bundledSpecJson, "utf8")) as BundledSpec;
  const sample = curlSample(spec);
  if (sample === undefined)
    throw new Error(`${bundledSpecJson} has no curl x-codeSamples entry for purchaseTollFreeNumbers`);
  const command = sample.source
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
  const listed = mockServer(spec).href.replace(/\/$/, "");
  return command.replaceAll(listed, mockUrl.replace(/\/$/, ""));
}
