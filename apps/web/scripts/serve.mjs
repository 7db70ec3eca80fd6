// Serves the built desk for a manual look: npm run build -w @tf-orders/web, then npm run serve -w @tf-orders/web.
// Flags: --port N (default 8090). The page talks to the mock of `npm run mock` unless told otherwise.
import { parseArgs } from "node:util";
import { serveSite } from "../site.js";

const { values } = parseArgs({ options: { port: { type: "string", default: "8090" } } });
const site = await serveSite({ port: Number(values.port) });
console.log(`Order desk  ${site.url}  (Ctrl-C to stop; start the mock with npm run mock)`);
process.once("SIGINT", () => site.close().then(() => process.exit(0)));
