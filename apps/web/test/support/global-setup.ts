import { startMock } from "@tf-orders/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock the whole run shares. */
    mockUrl: string;
  }
}

/** One Prism mock for the run (it takes seconds to start): the browser tests place their orders on it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.stop();
}
