import { validateOrderRequest } from "@tf-orders/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contractTarget } from "../support/contract-target.ts";
import { candidateKinds, orderCandidate, type Candidate } from "../support/order-arbitrary.ts";
import { rawAuthorization } from "../support/raw-authorization.ts";
import { postOrderRaw, violations } from "../support/raw-order.ts";

const target = contractTarget();
// Fixed so that a run is reproducible; TF_CONTRACT_SEED explores other payloads.
const seed = Number(process.env["TF_CONTRACT_SEED"] ?? 20_261_129);
const numRuns = 1000;

describe("differential: validateOrderRequest agrees with the mock", () => {
  it(`on ${numRuns} generated payloads (fast-check seed ${seed})`, async () => {
    console.log(`differential: fast-check seed ${seed}, ${numRuns} runs (set TF_CONTRACT_SEED to change it)`);
    const headers = { ...(await rawAuthorization(target)), accept: "application/json" };
    const tally = new Map<string, { accepted: number; rejected: number }>();

    await fc.assert(
      fc.asyncProperty(orderCandidate, async (candidate: Candidate) => {
        const verdict = validateOrderRequest(candidate.payload);
        const response = await postOrderRaw(target.url, candidate.payload, headers);
        const why = [
          `${candidate.kind} (${candidate.detail}): ${JSON.stringify(candidate.payload)}`,
          `client: ${verdict.ok ? "valid" : verdict.errors.map((issue) => issue.message).join(" | ")}`,
          `mock: HTTP ${response.status} ${violations(response.headers)
            .map((violation) => `${violation.location.join(".")}: ${violation.message}`)
            .join(" | ")}`,
        ].join("\n");
        expect([200, 422], why).toContain(response.status);
        expect(verdict.ok ? 200 : 422, why).toBe(response.status);
        const counts = tally.get(candidate.kind) ?? { accepted: 0, rejected: 0 };
        counts[response.status === 200 ? "accepted" : "rejected"] += 1;
        tally.set(candidate.kind, counts);
      }),
      { seed, numRuns, endOnFailure: false },
    );

    console.table(Object.fromEntries(tally));
    // The run only proves something if it exercised both verdicts and every way of making a payload.
    expect([...tally.keys()].sort()).toEqual([...candidateKinds].sort());
    const totals = [...tally.values()].reduce((sum, counts) => ({
      accepted: sum.accepted + counts.accepted,
      rejected: sum.rejected + counts.rejected,
    }));
    expect(totals.accepted).toBeGreaterThanOrEqual(100);
    expect(totals.rejected).toBeGreaterThanOrEqual(100);
  }, 600_000);
});
