import type { OrderRequest } from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { contractClient } from "../support/contract-client.ts";
import { contractTarget, purchaseGate } from "../support/contract-target.ts";
import { explainFailure } from "../support/explain-failure.ts";
import { purchase, requestExamples, responseExamples } from "../support/purchase-examples.ts";
import { responseViolations } from "../support/response-schema.ts";

const target = contractTarget();
const gated = target.mode === "provider" && !target.purchases;

describe(`every named request example is accepted (${target.mode})`, () => {
  for (const [name, order] of requestExamples()) {
    it.skipIf(gated)(
      `${name} → 200 through the client, and the order matches the spec ${gated ? purchaseGate : ""}`.trim(),
      async () => {
        const client = contractClient(target);
        const accepted = await client.purchaseTollFreeNumbers(order as OrderRequest).catch((error: unknown) => {
          throw explainFailure(error);
        });
        expect(responseViolations(purchase.operation.operationId, 200, accepted)).toEqual([]);
        // The mock serves the first 200 example; a real server returns its own IDs.
        if (target.mode === "mock") expect(accepted).toEqual(responseExamples(200)[0]?.[1]);
      },
    );
  }
});
