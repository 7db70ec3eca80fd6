import { validateOrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { contractTarget } from "../support/contract-target.ts";
import { assertAgreement, type Verdict } from "../support/differential-property.ts";
import { candidateKinds } from "../support/order-arbitrary.ts";
import { rawAuthorization } from "../support/raw-authorization.ts";

const target = contractTarget();
// Fixed so that a run is reproducible; TF_CONTRACT_SEED explores other payloads.
const seed = Number(process.env.TF_CONTRACT_SEED ?? 20_261_129);
const numRuns = 1000;
const headers = async () => ({ ...(await rawAuthorization(target)), accept: "application/json" });

describe("differential: validateOrderRequest agrees with the mock", () => {
  it(`on ${numRuns} generated payloads (fast-check seed ${seed})`, async () => {
    console.log(`differential: fast-check seed ${seed}, ${numRuns} runs (set TF_CONTRACT_SEED to change it)`);
    const tally = await assertAgreement(target.url, await headers(), validateOrderRequest, { seed, numRuns });

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

  it("fails, with a shrunk counterexample and the seed, when a validator disagrees", async () => {
    // A validator that is wrong about one field only: it also refuses an order whose Notes mention nothing.
    const sabotaged = (payload: unknown): Verdict => {
      const verdict = validateOrderRequest(payload);
      const notes = (payload as { Notes?: unknown } | null)?.Notes;
      return verdict.ok && notes === "" ? { ok: false, errors: [{ message: "sabotage: empty Notes" }] } : verdict;
    };
    const failure = await assertAgreement(target.url, await headers(), sabotaged, { seed, numRuns: 300 }).then(
      () => expect.fail("the sabotaged validator was not caught"),
      (error: unknown) => String(error),
    );
    expect(failure).toMatch(new RegExp(`seed: ${seed}`));
    expect(failure).toMatch(/Counterexample: .*"Notes":""/);
    expect(failure).toMatch(/client: sabotage: empty Notes/);
    expect(failure).toMatch(/mock: HTTP 200/);
  }, 120_000);

  it("fails when a validator agrees on every verdict but words its rejections otherwise", async () => {
    const reworded = (payload: unknown): Verdict => {
      const verdict = validateOrderRequest(payload);
      return verdict.ok ? verdict : { ok: false, errors: [{ message: `sabotage: ${verdict.errors[0]?.message}` }] };
    };
    const failure = await assertAgreement(target.url, await headers(), reworded, { seed, numRuns: 300 }).then(
      () => expect.fail("the reworded validator was not caught"),
      (error: unknown) => String(error),
    );
    expect(failure).toMatch(/client: sabotage: The /);
    expect(failure).toMatch(/mock: HTTP 422 \{"code":422,"error":"The /);
  }, 120_000);
});
