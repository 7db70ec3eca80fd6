import { open } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { addAbortSignal, type Readable } from "node:stream";

/**
 * Everything the CLI touches outside its own memory, passed in so that commands can be tested with
 * fakes and the real process wiring stays in one place ({@link nodeIo}).
 */
export interface CliIo {
  /** Writes to standard output: results only, so `--json` output stays parseable. Never throws. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error: notes, prompts' context and errors. Never throws. */
  readonly stderr: (text: string) => void;
  /** Reads standard input (for `--body -`), but no more than `maxBytes + 1` bytes of it. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** Reads a file (for `--body FILE`), but no more than `maxBytes + 1` bytes of it. */
  readonly readFile: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Whether standard input is a terminal, i.e. whether a person can answer a prompt. */
  readonly stdinIsTTY: boolean;
  /** Asks a question on the terminal and resolves with the line typed in answer; rejects once `interrupted` aborts. */
  readonly prompt: (question: string) => Promise<string>;
  /** The environment variables (credentials, base URL). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborts on the first Ctrl-C (SIGINT) or SIGTERM, with the signal's name as its reason. */
  readonly interrupted: AbortSignal;
}

/**
 * The real process: its streams, its environment, the file system and its signals. A closed stdout or stderr (`| head`,
 * a closed pipe) is not an error: what cannot be written is dropped, and the exit code stays the command's, so that a
 * purchase the API accepted never reads as a failure to a script that would then buy again.
 */
export function nodeIo(): CliIo {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means the person insists: stop now, as an interrupted program does.
    if (controller.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    readStdin: async (maxBytes) => readAtMost(process.stdin, maxBytes, controller.signal),
    readFile: async (path, maxBytes) => {
      const file = await open(path, "r");
      try {
        // Read, never stat: /dev/zero or a FIFO has no meaningful size, and a file can grow while it is read.
        return await readAtMost(file.createReadStream({ autoClose: false }), maxBytes, controller.signal);
      } finally {
        await file.close();
      }
    },
    stdinIsTTY: process.stdin.isTTY === true,
    prompt: async (question) => {
      // The question goes to stderr so that stdout stays clean when it is piped.
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      // On a terminal, readline takes Ctrl-C as a keystroke and emits it here, not as the process's SIGINT.
      rl.on("SIGINT", () => onSignal("SIGINT"));
      try {
        return await rl.question(question, { signal: controller.signal });
      } finally {
        rl.close();
      }
    },
    env: process.env,
    interrupted: controller.signal,
  };
}

/** A write function for a stream that drops what can no longer be written (EPIPE and the like) instead of crashing. */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let broken = false;
  stream.on("error", () => {
    broken = true;
  });
  return (text) => {
    if (broken || stream.destroyed) return;
    try {
      stream.write(text);
    } catch {
      broken = true;
    }
  };
}

/**
 * Collects a stream's bytes until it ends or holds more than `maxBytes` (then stops reading it: leaving the loop
 * destroys the stream), or until `signal` aborts.
 */
async function readAtMost(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of addAbortSignal(signal, stream)) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    size += bytes.length;
    if (size > maxBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, maxBytes + 1);
}
