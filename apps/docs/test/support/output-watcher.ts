import type { Readable } from "node:stream";

/** Collects a process's output and waits for text to appear in it. */
export interface OutputWatcher {
  /** Everything printed so far. */
  text(): string;
  /**
   * Resolves with the first match of `pattern` in the output after `from` (a position from `text().length`),
   * or rejects after `timeoutMs` with the output so far, so a failure shows what the process said.
   */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<RegExpExecArray>;
}

export function watchOutput(...streams: Readable[]): OutputWatcher {
  let output = "";
  const waiters = new Set<() => void>();
  for (const stream of streams) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output += chunk;
      for (const check of waiters) check();
    });
  }
  return {
    text: () => output,
    waitFor: (pattern, from = 0, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output.slice(from));
          if (match === null) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for ${pattern} in the output:\n${output.slice(from)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
