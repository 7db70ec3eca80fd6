import { startMock } from "@tf-orders/mock";
import type { TestProject } from "vitest/node";
import { assertBuilt } from "./assert-built.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The base URL of the Prism mock shared by the end-to-end tests. */
    mockUrl: string;
  }
}

/** Checks the build, then starts one Prism mock (port 0) for every test file and stops it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await assertBuilt();
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.stop();
}
