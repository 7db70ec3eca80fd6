import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** What the fake server does with a request once its body has been read. */
export type Behaviour =
  | { readonly kind: "json"; readonly status: number; readonly body: unknown }
  /** Drops the connection without answering: the request was received, the outcome is unknown. */
  | { readonly kind: "reset" }
  /** Never answers (the client's timeout must fire). */
  | { readonly kind: "hang" }
  /** Anything else: a hostile answer written by the test. */
  | { readonly kind: "handler"; readonly handle: (request: ReceivedRequest, response: ServerResponse) => void };

/** A local HTTP server that counts requests: proof that a command sent nothing, or exactly one thing. */
export interface FakeApiServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a counting HTTP server on 127.0.0.1, port 0. Its origin is not the mock's, so the CLI treats
 * it as a real host (confirmation, real credentials) unless a test declares it with `--mock-url`.
 */
export async function startFakeApiServer(behaviour: Behaviour): Promise<FakeApiServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const received = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body };
      requests.push(received);
      if (behaviour.kind === "handler") {
        behaviour.handle(received, response);
      } else if (behaviour.kind === "reset") {
        request.socket.destroy();
      } else if (behaviour.kind === "json") {
        response.writeHead(behaviour.status, { "content-type": "application/json" });
        response.end(JSON.stringify(behaviour.body));
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** A URL on which nothing listens: a server is opened on port 0, then closed. */
export async function unusedLocalUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return `http://127.0.0.1:${port}`;
}
