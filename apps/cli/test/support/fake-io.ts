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
    stdin?: string;
    files?: Record<string, string>;
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
    readStdin: async () => options.stdin ?? "",
    readFile: async (path) => {
      const content = options.files?.[path];
      if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return content;
    },
    stdinIsTTY: options.stdinIsTTY ?? false,
    prompt: async (question) => {
      prompts.push(question);
      return answers.shift() ?? "";
    },
    env: options.env ?? {},
    out: () => out,
    err: () => err,
    prompts,
  };
}
