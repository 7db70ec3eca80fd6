/**
 * @tf-orders/mock: a mock of the toll-free ordering API that answers like the vendor (`startMock`: Prism behind
 * a front that gives each invalid order the vendor's message), a validating proxy in front of a real server
 * (`startProxy`), and the `tf-orders-mock` bin.
 * @packageDocumentation
 */

export type { PrismServer } from "./prism-process.js";
export { PrismStartError } from "./prism-process.js";
export { bundledSpecPath, parsePort, specMockPort } from "./spec-defaults.js";
export {
  defaultMaxBodyBytes,
  formatMockRequest,
  type MockOptions,
  type MockRequest,
  type PrismOptions,
  type RunningMock,
  startMock,
} from "./start-mock.js";
export { type ProxyOptions, type RunningProxy, startProxy } from "./start-proxy.js";
