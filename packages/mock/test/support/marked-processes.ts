import { readdirSync, readFileSync } from "node:fs";

/** The name of the environment variable that {@link markedProcesses} looks for. */
export const processMark = "TF_ORDERS_TEST_MARK";

/**
 * The PIDs of the live processes whose environment has `TF_ORDERS_TEST_MARK=<mark>` (Linux, /proc). Children
 * inherit the variable, so this finds every descendant of a marked process — even after it has been killed
 * and they were re-parented — without knowing their commands.
 */
export function markedProcesses(mark: string): number[] {
  const wanted = `${processMark}=${mark}`;
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(wanted)) continue;
      // A zombie runs no code and holds nothing; it only waits to be reaped.
      if (statFields(Number(entry))[0] !== "Z") found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/**
 * The CPU time a process has used so far, in milliseconds (user + system, from /proc), or 0 once it is gone.
 * A process that has used a few hundred milliseconds is busy with its own code, past Node's start.
 */
export function cpuMilliseconds(pid: number): number {
  try {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses): state first. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
