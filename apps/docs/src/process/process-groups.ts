/**
 * Process groups started by this process and still running. Each command runs in a group of its own
 * (so that Ctrl-C in the terminal reaches only the dev server, which then stops them in order); this
 * registry lets the last-chance exit handler kill whatever is left.
 */
const groups = new Set<number>();

/** Records a running group (its leader's PID); call the returned function once it has ended. */
export function trackGroup(pid: number): () => void {
  groups.add(pid);
  return () => {
    groups.delete(pid);
  };
}

/** Sends a signal to every process of a group; a group that is already gone is not an error. */
export function killGroup(pid: number, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Kills every tracked group at once, synchronously: safe inside a process 'exit' handler. */
export function killAllGroups(signal: NodeJS.Signals = "SIGKILL"): void {
  for (const pid of groups) killGroup(pid, signal);
  groups.clear();
}
