import type { CliIo } from "../../src/io.js";

/** A scripted CliIo that records what the CLI writes and answers prompts from a list. */
export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  readonly prompts: string[];
}

/** Builds a {@link FakeIo}; `answers` are returned by successive prompts. */
export function fakeIo(
  options: {
    env?: Record<string, string>;
    stdinIsTTY?: boolean;
    /** Text, or raw bytes (which need not be UTF-8). */
    stdin?: string | Uint8Array;
    files?: Record<string, string | Uint8Array>;
    interrupted?: AbortSignal;
    answers?: string[];
  } = {},
): FakeIo {
  let out = "";
  let err = "";
  const prompts: string[] = [];
  const answers = [...(options.answers ?? [])];
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: async (maxBytes) => bytes(options.stdin ?? "").subarray(0, maxBytes + 1),
    readFile: async (path, maxBytes) => {
      const content = options.files?.[path];
      if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return bytes(content).subarray(0, maxBytes + 1);
    },
    stdinIsTTY: options.stdinIsTTY ?? false,
    prompt: async (question) => {
      prompts.push(question);
      return answers.shift() ?? "";
    },
    env: options.env ?? {},
    interrupted: options.interrupted ?? new AbortController().signal,
    out: () => out,
    err: () => err,
    prompts,
  };
}

const bytes = (content: string | Uint8Array): Uint8Array =>
  typeof content === "string" ? new TextEncoder().encode(content) : content;
