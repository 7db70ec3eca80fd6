/**
 * Everything the CLI touches outside its own memory, passed in so that commands can be tested with
 * fakes and the real process wiring stays in one place (`node-io.ts`).
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
