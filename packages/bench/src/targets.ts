/** The targets of the benchmarks issue, in one place. */
export const targets = {
  /** Our client's median latency against the local server, relative to raw fetch. */
  clientOverRawFetch: 1.1,
  /** Our client's median latency relative to bare openapi-fetch. */
  clientOverOpenapiFetch: 1.05,
  validOrdersPerSecond: 1_000_000,
  /** What a consumer ships for createTollFreeClient, openapi-fetch included, gzip. */
  bundleGzipBytes: 6000,
  /** The mock must answer every purchase. */
  mockErrors: 0,
} as const;
