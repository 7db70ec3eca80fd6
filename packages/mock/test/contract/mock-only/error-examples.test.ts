import {
  AuthenticationError,
  NotAcceptableError,
  type OrderRequest,
  PaymentRequiredError,
  type TollFreeApiError,
  UnprocessableEntityError,
} from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { contractClient } from "../support/contract-client.ts";
import { contractTarget } from "../support/contract-target.ts";
import { errorExamples, requestExamples } from "../support/purchase-examples.ts";

/** The client's documented error class for each status the spec lists for a purchase. */
const errorClassByStatus: Record<number, abstract new (...args: never[]) => TollFreeApiError> = {
  401: AuthenticationError,
  402: PaymentRequiredError,
  406: NotAcceptableError,
  422: UnprocessableEntityError,
};

const target = contractTarget();
const [first] = requestExamples();
if (first === undefined) throw new Error("the purchase operation has no request example");
const order = first[1] as OrderRequest;
const examples = errorExamples();

/** Forces one named example with Prism's `Prefer` header and returns what the client threw. */
async function forced(status: number, name: string): Promise<unknown> {
  const client = contractClient(target, { headers: { Prefer: `code=${status}, example=${name}` } });
  return client.purchaseTollFreeNumbers(order).then(
    () => expect.fail(`the purchase succeeded despite Prefer: code=${status}, example=${name}`),
    (error: unknown) => error,
  );
}

describe("every named error example, forced with Prefer, surfaces as the right error class", () => {
  it("the spec has error examples to force", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const { status, name, body } of examples) {
    const ErrorClass = errorClassByStatus[status];
    it(`${status} ${name} → ${ErrorClass?.name ?? "(no error class for this status)"} carrying exactly that body`, async () => {
      expect(ErrorClass, `the client has no error class for HTTP ${status}`).toBeDefined();
      const error = (await forced(status, name)) as TollFreeApiError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.body).toEqual(body);
      expect(error.message).toBe((body as { error: string }).error);
      if (error instanceof UnprocessableEntityError) {
        expect(error.parameter, "the 422 names no parameter").toBeDefined();
        expect((body as { error: string }).error).toContain(`'${error.parameter}'`);
      }
    });
  }

  // Apps branch on these fields, so the examples sharing a status must not collapse into one value.
  const distinguishing: [number, (error: unknown) => unknown][] = [
    [401, (error) => (error as AuthenticationError).reason],
    [402, (error) => (error as PaymentRequiredError).kind],
  ];
  for (const [status, field] of distinguishing) {
    const named = examples.filter((example) => example.status === status);
    it(`the client tells the ${named.length} examples of ${status} apart (${named.map((example) => example.name).join(", ")})`, async () => {
      const values = await Promise.all(named.map(async (example) => field(await forced(status, example.name))));
      expect(values).not.toContain(undefined);
      expect(new Set(values).size).toBe(named.length);
    });
  }
});
