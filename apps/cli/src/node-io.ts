import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { text } from "node:stream/consumers";
import type { CliIo } from "./io.js";

/** The real process: its streams, its environment and the file system. */
export function nodeIo(): CliIo {
  return {
    stdout: (chunk) => void process.stdout.write(chunk),
    stderr: (chunk) => void process.stderr.write(chunk),
    readStdin: () => text(process.stdin),
    readFile: (path) => readFile(path, "utf8"),
    stdinIsTTY: process.stdin.isTTY === true,
    prompt: async (question) => {
      // The question goes to stderr so that stdout stays clean when it is piped.
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    env: process.env,
  };
}
