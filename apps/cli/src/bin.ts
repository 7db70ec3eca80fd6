#!/usr/bin/env node
import { nodeIo } from "./node-io.js";
import { run } from "./run.js";

// exitCode rather than process.exit(): let piped stdout drain before the process ends.
process.exitCode = await run(process.argv.slice(2), nodeIo());
