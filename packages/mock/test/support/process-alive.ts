import { readFileSync } from "node:fs";

/**
 * Whether a process with this PID is running. A zombie is not: it holds no port and runs no code, and an
 * orphan stays one until whoever adopted it reaps it, which a container's PID 1 may never do.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    // No /proc (not Linux), or the process ended between the two looks.
    return process.platform !== "linux";
  }
}
