import { buildPipeline } from "./build-pipeline.js";
import { bundleSize } from "./bundle-size.js";
import { clientOverhead } from "./client-overhead.js";
import { deskBundle } from "./desk-bundle.js";
import { endlessAnswer } from "./endless-answer.js";
import type { Measurement } from "./measurement.js";
import { mockLatency } from "./mock-latency.js";
import { mockUnderAttack } from "./mock-under-attack.js";
import { npmStartEdits } from "./npm-start-edits.js";
import { validationSpeed } from "./validation-speed.js";

/** Every measurement, in the order `npm run bench` runs them and BENCHMARKS.md shows them. */
export const measurements: Measurement[] = [
  clientOverhead,
  validationSpeed,
  bundleSize,
  buildPipeline,
  mockLatency,
  endlessAnswer,
  mockUnderAttack,
  npmStartEdits,
  deskBundle,
];
