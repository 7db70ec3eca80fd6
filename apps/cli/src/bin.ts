#!/usr/bin/env node
import { nodeIo } from "./io.js";
import { run } from "./run.js";

const code = await run(process.argv.slice(2), nodeIo());
// Exit once what was written has drained (a pipe to a slow reader) rather than when the event loop empties: a login
// abandoned on Ctrl-C would otherwise keep the process alive until its own timeout.
const drained = (stream: NodeJS.WriteStream) => new Promise<unknown>((resolve) => stream.write("", resolve));
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);
