/** The largest delay `setTimeout` honours; a longer one fires at once. */
const maxTimerMs = 2_147_483_647;

/**
 * Why `timeoutMs` cannot be used, or undefined when it can (or is not given). `setTimeout` fires at once
 * for `Infinity`, `NaN`, negatives and anything above 2³¹−1 ms, which would time a purchase out while it
 * is still on its way.
 */
export function timeoutProblem(timeoutMs: unknown): string | undefined {
  if (timeoutMs === undefined) return undefined;
  return typeof timeoutMs === "number" && Number.isInteger(timeoutMs) && timeoutMs >= 1 && timeoutMs <= maxTimerMs
    ? undefined
    : `timeoutMs must be a whole number of milliseconds from 1 to ${maxTimerMs}, got ${String(timeoutMs)}.`;
}
