/** Formats a number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Milliseconds shown as microseconds, the unit of per-request figures. */
export function formatMicros(milliseconds: number, decimals = 1): string {
  return `${formatNumber(milliseconds * 1000, decimals)} µs`;
}

/** Milliseconds shown as such (request latency through a real server). */
export function formatMillis(milliseconds: number, decimals = 2): string {
  return `${formatNumber(milliseconds, decimals)} ms`;
}

/** Milliseconds shown as seconds (whole processes). */
export function formatSeconds(milliseconds: number, decimals = 2): string {
  return `${formatNumber(milliseconds / 1000, decimals)} s`;
}

/** A byte count shown in bytes and kB (1 kB = 1000 B, as bundle-size tools report). */
export function formatBytes(bytes: number): string {
  return `${formatNumber(bytes)} B (${formatNumber(bytes / 1000, 2)} kB)`;
}

/** A ratio such as `1.07×`. */
export function formatRatio(ratio: number): string {
  return `${formatNumber(ratio, 3)}×`;
}
