import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How the server treats a request once it has read its whole body. */
export type Fault = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/** One request the server read in full: a request it could have processed. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * A real HTTP server on 127.0.0.1, port 0, that records every request it reads in full (so a recorded POST is one it
 * could have processed) and answers each with `fault`.
 */
export async function startFaultServer(fault: Fault) {
  const sockets = new Set<Socket>();
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      received.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body });
      fault(request, response, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    posts: () => received.filter((request) => request.method === "POST").length,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The server's half of the test's cleanup: every server a test starts is closed after it. */
export type FaultServer = Awaited<ReturnType<typeof startFaultServer>>;
