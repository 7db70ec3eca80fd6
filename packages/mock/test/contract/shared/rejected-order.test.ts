import { validateOrderRequest } from "@tf-orders/client";
import { loadBundledSpec } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";
import { contractTarget, purchaseGate } from "../support/contract-target.ts";
import { purchase, requestExamples } from "../support/purchase-examples.ts";
import { rawAuthorization } from "../support/raw-authorization.ts";
import { postOrderRaw, violations } from "../support/raw-order.ts";
import { responseViolations } from "../support/response-schema.ts";

const target = contractTarget();
const [first] = requestExamples();
if (first === undefined) throw new Error("the purchase operation has no request example");
const [exampleName, example] = first as [string, Record<string, unknown>];
const serviceAreas = (loadBundledSpec().components.schemas!.ServiceArea as { enum: number[] }).enum;

/** Broken variants of the first request example: what is broken, the field to name, and whether a lax real
 * server could still buy something from it (only bodies that cannot are sent to a provider by default). */
const broken: { name: string; body: Record<string, unknown>; field: string; mayPurchase: boolean }[] = [
  {
    name: "packageID missing",
    body: Object.fromEntries(Object.entries(example).filter(([key]) => key !== "packageID")),
    field: "packageID",
    mayPurchase: false,
  },
  {
    name: "serviceArea outside its enum",
    body: { ...example, serviceArea: Math.max(...serviceAreas) + 1 },
    field: "serviceArea",
    mayPurchase: false,
  },
  {
    name: "an unknown key",
    body: { ...example, contractProbe: true },
    field: "contractProbe",
    mayPurchase: true,
  },
];

describe(`negative control: an order that breaks the schema, sent raw past the client (${target.mode})`, () => {
  for (const { name, body, field, mayPurchase } of broken) {
    const gated = target.mode === "provider" && mayPurchase && !target.purchases;
    it.skipIf(gated)(
      `${exampleName} with ${name} gets 422 naming ${field} ${gated ? purchaseGate : ""}`.trim(),
      async () => {
        const response = await postOrderRaw(target.url, body, {
          ...(await rawAuthorization(target)),
          accept: "application/json",
        });
        expect(response.status).toBe(422);
        expect(responseViolations(purchase.operation.operationId, 422, response.body)).toEqual([]);
        if (target.mode === "mock") {
          // The vendor's message for this body's first problem, as the client's rule table words it; Prism's
          // header is the proof that Prism itself validated this body and found this field.
          const verdict = validateOrderRequest(body);
          expect(verdict.ok).toBe(false);
          expect(response.body).toEqual({ code: 422, error: !verdict.ok && verdict.errors[0]?.message });
          expect((response.body as { error: string }).error).toContain(`'${field}'`);
          const named = violations(response.headers).filter(
            (violation) => violation.location.includes(field) || violation.message.includes(`'${field}'`),
          );
          expect(named, JSON.stringify(violations(response.headers), null, 2)).not.toEqual([]);
        }
      },
    );
  }
});
