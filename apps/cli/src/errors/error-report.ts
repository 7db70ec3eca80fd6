import type { PaymentRequiredError } from "@tf-orders/client";
import type { ExitCode } from "../exit-codes.js";
import type { FieldProblem } from "./cli-error.js";

/** What the CLI tells the user about a failure, in a form both the human and the JSON output use. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  /** One line: what went wrong, with the server's message when there is one. */
  readonly message: string;
  /** What to do next, when there is something useful to say. */
  readonly hint?: string;
  /** The HTTP status the server answered with. */
  readonly status?: number;
  /** The request parameter the server (or the validator) named. */
  readonly parameter?: string;
  /** The fields at fault, for validation failures (the first 50). */
  readonly problems?: readonly FieldProblem[];
  /** How many more problems there were than `problems` lists. */
  readonly moreProblems?: number;
  /** True when a purchase may have gone through. */
  readonly outcomeUnknown?: boolean;
  /** For a 402: which trial limit stopped the order (`trial-limit-exceeded` or `trial-limit-realized`). */
  readonly kind?: NonNullable<PaymentRequiredError["kind"]>;
  /** For a 402: the number of seats the server's message names (the limit, or the seats still available). */
  readonly seats?: number;
}
