import type { MockScenario } from "virtual:spec-facts";
import {
  type BundledSpec,
  jsonMediaType,
  loadBundledSpec,
  locateOperation,
  operationExamples,
  resolveRef,
} from "@tf-orders/spec/reader";
import type { Plugin } from "vite";

/** What the virtual module `virtual:spec-facts` exports. */
export interface SpecFacts {
  serviceAreas: number[];
  mockScenarios: MockScenario[];
}

const moduleId = "virtual:spec-facts";

interface Schema {
  oneOf?: unknown[];
  properties?: Record<string, unknown>;
  enum?: unknown[];
}

/**
 * Reads the service areas and the purchase's error examples from the bundled spec. Throws when the spec no
 * longer has them, so a renamed schema fails the build instead of shipping an empty list.
 */
export function readSpecFacts(spec: BundledSpec = loadBundledSpec()): SpecFacts {
  const { operation } = locateOperation(spec, "purchaseTollFreeNumbers");
  // Every order mode shares serviceArea by $ref, so the first mode's property is the rule.
  const modes = resolveRef<Schema>(spec, jsonMediaType(spec, operation.requestBody).schema).oneOf ?? [];
  const firstMode = resolveRef<Schema>(spec, modes[0]);
  const serviceArea = resolveRef<Schema | undefined>(spec, firstMode.properties?.serviceArea);
  const serviceAreas = serviceArea?.enum;
  if (!serviceAreas?.every(Number.isInteger) || serviceAreas.length === 0)
    throw new Error("spec-facts: the purchase's first order mode has no integer enum for serviceArea");

  const mockScenarios = Object.entries(operationExamples(spec, "purchaseTollFreeNumbers").responses)
    .filter(([status]) => Number(status) >= 400)
    .flatMap(([status, examples]) =>
      examples.map(({ name, summary, value }) => ({
        status: Number(status),
        example: name,
        summary: summary ?? name,
        error: String((value as { error?: unknown }).error),
      })),
    );
  if (mockScenarios.length === 0) throw new Error("spec-facts: the purchase documents no error example");
  return { serviceAreas: serviceAreas as number[], mockScenarios };
}

/**
 * The Vite plugin that serves `virtual:spec-facts`: the facts above as a module of two constants, read once
 * per build (and per dev-server start).
 */
export function specFacts(): Plugin {
  const resolved = `\0${moduleId}`;
  return {
    name: "tf-orders-spec-facts",
    resolveId: (source) => (source === moduleId ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const facts = readSpecFacts();
      return Object.entries(facts)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join("\n");
    },
  };
}
