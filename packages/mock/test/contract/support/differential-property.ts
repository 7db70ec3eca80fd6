import fc from "fast-check";
import { expect } from "vitest";
import { type Candidate, orderCandidate } from "./order-arbitrary.ts";
import { postOrderRaw, violations } from "./raw-order.ts";

/** A client-side verdict on an order, as `validateOrderRequest` gives it. */
export type Verdict = { ok: true } | { ok: false; errors: { message: string }[] };

/** How many candidates of each kind the mock accepted and rejected. */
export type Tally = Map<string, { accepted: number; rejected: number }>;

/**
 * Sends `numRuns` generated payloads raw to the mock and asserts that, for each, `validate` says valid exactly
 * when the mock answers 200, and invalid exactly when it answers 422 with `validate`'s first message as its
 * `error`. Throws fast-check's report — the shrunk counterexample, the seed and both verdicts — on the first
 * disagreement.
 */
export async function assertAgreement(
  baseUrl: string,
  headers: Record<string, string>,
  validate: (payload: unknown) => Verdict,
  { seed, numRuns }: { seed: number; numRuns: number },
): Promise<Tally> {
  const tally: Tally = new Map();
  await fc.assert(
    fc.asyncProperty(orderCandidate, async (candidate: Candidate) => {
      const verdict = validate(candidate.payload);
      const response = await postOrderRaw(baseUrl, candidate.payload, headers);
      const why = [
        `${candidate.kind} (${candidate.detail}): ${JSON.stringify(candidate.payload)}`,
        `client: ${verdict.ok ? "valid" : verdict.errors.map((issue) => issue.message).join(" | ")}`,
        `mock: HTTP ${response.status} ${JSON.stringify(response.body)} ${violations(response.headers)
          .map((violation) => `${violation.location.join(".")}: ${violation.message}`)
          .join(" | ")}`,
      ].join("\n");
      expect([200, 422], why).toContain(response.status);
      expect(verdict.ok ? 200 : 422, why).toBe(response.status);
      // The mock words a rejection as the vendor does: the rule table's first message.
      if (!verdict.ok) expect(response.body, why).toEqual({ code: 422, error: verdict.errors[0]?.message });
      const counts = tally.get(candidate.kind) ?? { accepted: 0, rejected: 0 };
      counts[response.status === 200 ? "accepted" : "rejected"] += 1;
      tally.set(candidate.kind, counts);
    }),
    // The report then carries both verdicts of the shrunk counterexample, not only the payload.
    { seed, numRuns, includeErrorInReport: true },
  );
  return tally;
}
