import type { Issue, OrderRequest } from "@tf-orders/client";
import { validateOrderRequest } from "@tf-orders/client";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { flagForField } from "./order-fields.js";

/** How many problems the human output lists; `--json` carries up to 50, the client's limit, and counts the rest. */
const PRINTED_PROBLEMS = 20;

/**
 * Checks an order against the spec with the client's validator. Problems end the command with exit
 * code 2 before anything is sent; with `namedBy: 'flags'` each names the flag to fix as well as the
 * field (`--package-id (packageID): ...`, `--number, --quantity (numbers, quantity): ... mutually exclusive`).
 */
export function validateOrder(candidate: unknown, namedBy: "flags" | "body"): OrderRequest {
  const result = validateOrderRequest(candidate);
  if (result.ok) return result.value;
  const problems = result.errors.map((error) => ({ field: problemField(error, namedBy), message: error.message }));
  const shown = problems.slice(0, PRINTED_PROBLEMS).map((p) => `  ${p.field}: ${p.message}`);
  const more = problems.length + result.omittedErrors - shown.length;
  if (more > 0) shown.push(`  …and ${more} more problem${more === 1 ? "" : "s"}`);
  const message = `the order is invalid:\n${shown.join("\n")}`;
  throw new CliError(ExitCode.Usage, message, undefined, problems, result.omittedErrors);
}

/** What a problem is about, for its line: the flags (when the order came from flags) and the fields. */
function problemField(error: Issue, namedBy: "flags" | "body"): string {
  // A problem between fields (two order modes, or none) names them; otherwise the path into the body
  // (`numbers[0]`) is kept, as it says more than its root field.
  const named = error.parameters?.join(", ") ?? error.parameter;
  const fields = error.parameters ?? [rootField(error.parameter)];
  const flags = namedBy === "flags" ? fields.map(flagForField).filter((flag) => flag !== undefined) : [];
  return flags.length === 0 ? named : `${flags.join(", ")} (${named})`;
}

/** `numbers[0].number` or `/numbers/0/number` → `numbers`. */
function rootField(parameter: string): string {
  return /[A-Za-z]+/.exec(parameter)?.[0] ?? parameter;
}
