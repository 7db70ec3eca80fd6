#!/usr/bin/env node
// `npm start`: the docs and the mock, rebuilt on every spec edit, until Ctrl-C.
import { type DevServer, startDevServer } from "../dev/dev-server.js";
import { parseStartOptions, startUsage } from "../dev/start-options.js";
import { killAllGroups } from "../process.js";
import { deskDir, siteDir, workspaceRoot } from "../site/locations.js";

// Last resort: whatever a rebuild had started dies with this process, however it ends.
process.on("exit", () => killAllGroups());

let server: DevServer | undefined;
let stopping = false;
let firstSignalAt = 0;
const stop = (signal: NodeJS.Signals) => {
  // npm forwards the terminal's Ctrl-C to us as well, so one Ctrl-C can arrive twice at once; only a
  // signal a second or more after the first is a second Ctrl-C.
  if (stopping && Date.now() - firstSignalAt < 1000) return;
  if (stopping) {
    // A second Ctrl-C: do not wait for a graceful stop.
    killAllGroups();
    process.exit(130);
  }
  stopping = true;
  firstSignalAt = Date.now();
  console.log(`\n${signal}: stopping the docs server, the mock and any rebuild…`);
  void (server?.stop() ?? Promise.resolve()).then(
    () => {
      console.log("Stopped.");
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`Could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

try {
  const options = parseStartOptions(process.argv.slice(2), process.env, { root: workspaceRoot, siteDir, deskDir });
  if (options.help) {
    console.log(startUsage());
    process.exit(0);
  }
  server = await startDevServer({ ...options, log: (message) => console.log(message) });
  if (stopping) await server.stop();
  else {
    console.log(
      [
        "",
        "tf-orders is running:",
        `  Docs  ${server.docsUrl}`,
        ...(server.deskUrl ? [`  Desk  ${server.deskUrl}  (the order desk, aimed at the mock)`] : []),
        `  Mock  ${server.mockUrl}  (Prism: any Authorization value is accepted; nothing is bought)`,
        "",
        "Place an order on the mock (paste into another terminal):",
        "",
        server.curl,
        "",
        options.generateClient
          ? "Watching spec/: an edit reruns turbo (lint, bundle, client types, every app's build) and swaps the new spec into the mock."
          : "Watching spec/: an edit reruns turbo (lint, bundle, every app's build) and swaps the new spec into the mock.",
        "Every request the mock answers is logged below.",
        "Press Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
