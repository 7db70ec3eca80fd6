/**
 * The stand-in API for the client-overhead benchmark, run as a child process so that serving requests runs on
 * the other core and does not share an event loop with the clients being timed. Answers every purchase
 * carrying an Authorization header with the spec's success example over keep-alive connections, and reports
 * its port to the parent over IPC.
 */
import { createServer } from "node:http";
import { loadPurchaseExamples, purchasePath } from "./spec-examples.js";

const success = Buffer.from(JSON.stringify(loadPurchaseExamples().success));
const unauthorized = Buffer.from(JSON.stringify({ code: 401, error: "Unauthorized" }));

const server = createServer({ keepAlive: true, keepAliveTimeout: 120_000 }, (request, response) => {
  // Drain the body so the connection can carry the next request.
  request.resume();
  request.once("end", () => {
    const authorised =
      request.method === "POST" && request.url === purchasePath && Boolean(request.headers.authorization);
    const payload = authorised ? success : unauthorized;
    response.writeHead(authorised ? 200 : 401, {
      "content-type": "application/json",
      "content-length": payload.length,
    });
    response.end(payload);
  });
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 130_000;

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  process.send?.({ port: address.port });
});

process.on("disconnect", () => server.close(() => process.exit(0)));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
