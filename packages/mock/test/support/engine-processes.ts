import { childCommands } from "./child-commands.ts";

/** The PIDs of this process's running Prism engines (children running the mock's engine-entry.js). */
export function engineProcesses(parent = process.pid): number[] {
  return childCommands(parent)
    .filter(({ argv }) => argv.some((arg) => /[\\/]engine-entry\.js$/.test(arg)))
    .map(({ pid }) => pid);
}
