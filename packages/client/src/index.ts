/**
 * `@tf-orders/client`: a typed, purchase-safe client for the toll-free ordering API, generated from its spec. The
 * generic openapi-fetch client is a separate entry, `@tf-orders/client/raw`.
 * @packageDocumentation
 */
export { createTollFreeClient, type TollFreeClient } from "./client/create-client.js";
export { type AuthOptions, baseUrlProblem, type CallOptions, type TollFreeClientOptions } from "./client/options.js";
export { maskSecrets } from "./client/redaction.js";
export {
  AuthenticationError,
  ConnectionError,
  type ErrorCode,
  type ErrorDetails,
  NotAcceptableError,
  outcomeUnknownAdvice,
  PaymentRequiredError,
  TimeoutError,
  TollFreeApiError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
export { type Issue, type Order, type OrderRequest, type OrderValidation, validateOrderRequest } from "./order.js";
export { type components, type operations, type paths, servers } from "./spec.js";
export { isTollFree, parseTollFreeNumber, type TollFreeNumber } from "./toll-free-number.js";
