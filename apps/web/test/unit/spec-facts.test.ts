import { loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";
import { readSpecFacts } from "../../build/spec-facts.ts";

const spec = loadBundledSpec();

describe("readSpecFacts", () => {
  const facts = readSpecFacts(spec);

  it("offers a mock answer for every error example of the purchase, with its status and text", () => {
    const { operation } = locateOperation(spec, "purchaseTollFreeNumbers");
    const statuses = Object.keys(operation.responses).filter((status) => Number(status) >= 400);
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) {
      const examples = operationExamples(spec, "purchaseTollFreeNumbers").responses[status] ?? [];
      expect(facts.mockScenarios.filter((scenario) => scenario.status === Number(status))).toEqual(
        examples.map((example) => ({
          status: Number(status),
          example: example.name,
          summary: example.summary,
          error: (example.value as { error: string }).error,
        })),
      );
    }
  });

  it("reads the service areas as the integers of the spec's enum", () => {
    expect(facts.serviceAreas.length).toBeGreaterThan(0);
    expect(facts.serviceAreas.every(Number.isInteger)).toBe(true);
  });

  it("fails the build when the spec loses the service area's enum", () => {
    const broken = structuredClone(spec);
    delete (broken.components.schemas as Record<string, { enum?: unknown }>).ServiceArea?.enum;
    expect(() => readSpecFacts(broken)).toThrow(/no integer enum for serviceArea/);
  });
});
