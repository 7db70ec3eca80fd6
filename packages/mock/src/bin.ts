#!/usr/bin/env node
import { parseBinArgs } from "./bin-options.js";
import { formatMockRequest, startMock } from "./start-mock.js";

// The bin is a thin shell over startMock: parse flags, serve, stop cleanly on a signal.
async function main(): Promise<number> {
  let command: ReturnType<typeof parseBinArgs>;
  try {
    command = parseBinArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`tf-orders-mock: ${(error as Error).message}\nRun tf-orders-mock --help for usage.`);
    return 2;
  }
  if (command.kind === "help") {
    console.log(command.text);
    return 0;
  }
  const { quiet } = command;
  // Start-up lines are left out: on a failed start the error already carries them.
  let started = false;
  const mock = await startMock({
    host: command.host,
    port: command.port,
    ...(command.spec === undefined ? {} : { spec: command.spec }),
    ...(command.maxBodyBytes === undefined ? {} : { maxBodyBytes: command.maxBodyBytes }),
    onRequest: (request) => {
      if (!quiet) console.log(formatMockRequest(request));
    },
    onLog: (line) => {
      if (started) console.error(line);
    },
  });
  started = true;
  console.log(`tf-orders mock listening on ${mock.url} (Ctrl+C to stop)`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void mock.stop();
  };
  // `on`, not `once`: npm forwards the terminal's Ctrl-C too, and a second SIGINT without a handler would
  // kill this process before Prism is stopped. `shutdown` runs once however often it is called.
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  await mock.closed;
  await mock.stop();
  if (stopping) return 0;
  console.error("tf-orders-mock: a Prism engine exited unexpectedly, so the mock stopped.");
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`tf-orders-mock: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
