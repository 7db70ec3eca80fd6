import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { validateInput } from "@stoplight/prism-http/dist/validator/index.js";
import { operation, specPath } from "./spec.js";

const path = operation("purchaseTollFreeNumbers").path;
const purchase = (await getHttpOperationsFromSpec(specPath)).find((candidate) => candidate.path === path)!;

/**
 * The mock's verdict on a purchase body, from Prism's own request validator (the code `prism mock` runs),
 * without starting a server: the list of Prism's violation messages, empty when Prism accepts the body.
 */
export function prismViolations(body: unknown): string[] {
  const result = validateInput({
    resource: purchase,
    element: {
      method: "post",
      url: { path },
      headers: { "content-type": "application/json", "content-length": String(JSON.stringify(body)?.length ?? 0) },
      body,
    },
  });
  return result._tag === "Right" ? [] : result.left.map((diagnostic) => diagnostic.message);
}
