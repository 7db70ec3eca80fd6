import { buildPipeline } from "./build-pipeline.js";
import { bundleSize } from "./bundle-size.js";
import { clientOverhead } from "./client-overhead.js";
import type { Measurement } from "./measurement.js";
import { mockLatency } from "./mock-latency.js";
import { validationSpeed } from "./validation-speed.js";

/** Every measurement, in the order `npm run bench` runs them and BENCHMARKS.md shows them. */
export const measurements: Measurement[] = [clientOverhead, validationSpeed, bundleSize, buildPipeline, mockLatency];
