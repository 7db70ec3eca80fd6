import { AuthenticationError, createTollFreeClient, type OrderRequest } from "@tf-orders/client";
import { loadBundledSpec, locateOperation } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";
import { loginExample } from "../../support/login-example.ts";
import { contractClient, fetchWithoutToken } from "../support/contract-client.ts";
import { contractTarget } from "../support/contract-target.ts";
import { explainFailure } from "../support/explain-failure.ts";
import { purchase, requestExamples, responseExamples } from "../support/purchase-examples.ts";
import { responseViolations } from "../support/response-schema.ts";

const target = contractTarget();
const [first] = requestExamples();
if (first === undefined) throw new Error("the purchase operation has no request example");
const order = first[1] as OrderRequest;
const login = locateOperation(loadBundledSpec(), "authenticate").operation.operationId;

describe(`authentication (${target.mode})`, () => {
  // Against the mock any token passes, so the refusal to test is a missing one; a real server must refuse an
  // unknown token too. (Prism's proxy answers a missing token itself, without asking the real server.)
  const refusal = target.mode === "mock" ? "without a token" : "with an unknown token";
  it(`a purchase ${refusal} → AuthenticationError with a 401 body from the spec`, async () => {
    const client =
      target.mode === "mock"
        ? contractClient(target, { fetch: fetchWithoutToken })
        : createTollFreeClient({ baseUrl: target.url, token: "tf-orders-contract-unknown-token" });
    const error = await client.purchaseTollFreeNumbers(order).then(
      () => expect.fail("the purchase succeeded"),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    const refused = error as AuthenticationError;
    expect(refused.status).toBe(401);
    expect(responseViolations(purchase.operation.operationId, 401, refused.body)).toEqual([]);
    if (target.mode === "mock") expect(refused.body).toEqual(responseExamples(401)[0]?.[1]);
  });

  it.skipIf(target.login === undefined)(
    `logging in with ${target.mode === "mock" ? "the spec's example credentials" : "TF_API_USERNAME / TF_API_PASSWORD"} → a token${target.login === undefined ? " (set TF_API_USERNAME and TF_API_PASSWORD)" : ""}`,
    async () => {
      const client = createTollFreeClient({ baseUrl: target.url, credentials: target.login! });
      const token = await client.authenticate().catch((error: unknown) => {
        throw explainFailure(error);
      });
      expect(responseViolations(login, 200, { token })).toEqual([]);
      if (target.mode === "mock") expect({ token }).toEqual(loginExample().token);
    },
  );
});
