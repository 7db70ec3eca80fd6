import { readFile } from "node:fs/promises";

interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}
interface SpecDocument {
  servers?: { url: string }[];
  paths?: Record<string, Record<string, { operationId?: string; "x-codeSamples"?: CodeSample[] }>>;
}

/**
 * The spec's own curl sample for a purchase (spec/code-samples/purchase-toll-free-numbers.sh, through
 * `x-codeSamples`), without its comment lines, aimed at the running mock: the loopback server the spec
 * lists is replaced with the mock's real URL.
 *
 * @throws Error when the bundled spec has no curl sample for purchaseTollFreeNumbers.
 */
export async function mockOrderCurl(bundledSpecJson: string, mockUrl: string): Promise<string> {
  const spec = JSON.parse(await readFile(bundledSpecJson, "utf8")) as SpecDocument;
  const operation = Object.values(spec.paths ?? {})
    .flatMap((item) => Object.values(item))
    .find((candidate) => candidate.operationId === "purchaseTollFreeNumbers");
  const sample = operation?.["x-codeSamples"]?.find((candidate) => (candidate.label ?? candidate.lang).toLowerCase() === "curl");
  if (sample === undefined) throw new Error(`${bundledSpecJson} has no curl x-codeSamples entry for purchaseTollFreeNumbers`);
  const command = sample.source
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
  const localServers = (spec.servers ?? []).map((server) => server.url.replace(/\/$/, "")).filter((url) => /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url));
  const target = mockUrl.replace(/\/$/, "");
  return localServers.reduce((text, url) => text.replaceAll(url, target), command);
}
