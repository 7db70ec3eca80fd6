/**
 * Everything the CLI touches outside its own memory, passed in so that commands can be tested with
 * fakes and the real process wiring stays in one place (`node-io.ts`).
 */
export interface CliIo {
  /** Writes to standard output: results only, so `--json` output stays parseable. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error: notes, prompts' context and errors. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for `--body -`). */
  readonly readStdin: () => Promise<string>;
  /** Reads a UTF-8 file (for `--body FILE`). */
  readonly readFile: (path: string) => Promise<string>;
  /** Whether standard input is a terminal, i.e. whether a person can answer a prompt. */
  readonly stdinIsTTY: boolean;
  /** Asks a question on the terminal and resolves with the line typed in answer. */
  readonly prompt: (question: string) => Promise<string>;
  /** The environment variables (credentials, base URL). */
  readonly env: Readonly<Record<string, string | undefined>>;
}
