import { describe, expect, it } from "vitest";
import { contractTarget, purchaseGate } from "../support/contract-target.ts";
import { purchase, requestExamples } from "../support/purchase-examples.ts";
import { rawAuthorization } from "../support/raw-authorization.ts";
import { postOrderRaw } from "../support/raw-order.ts";
import { responseViolations } from "../support/response-schema.ts";

const target = contractTarget();
const [first] = requestExamples();
if (first === undefined) throw new Error("the purchase operation has no request example");
const [exampleName, order] = first;
// A valid order isolates the Accept header; against a real server it could be bought if Accept were ignored.
const gated = target.mode === "provider" && !target.purchases;

describe(`Accept negotiation (${target.mode})`, () => {
  it.skipIf(gated)(
    `Accept: text/plain on the ${exampleName} order gets 406 ${gated ? purchaseGate : ""}`.trim(),
    async () => {
      const response = await postOrderRaw(target.url, order, {
        ...(await rawAuthorization(target)),
        accept: "text/plain",
      });
      expect(response.status).toBe(406);
      if (target.mode === "mock") {
        // Prism answers an unsatisfiable Accept itself, before it picks the spec's 406 example.
        expect(response.contentType).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: 406 });
      } else {
        expect(responseViolations(purchase.operation.operationId, 406, response.body)).toEqual([]);
      }
    },
  );
});
