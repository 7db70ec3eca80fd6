import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { loadBundledSpec, locateOperation } from "@tf-orders/spec/reader";
import { acceptedOrder, firstExample } from "./desk-page.ts";

const loginPath = locateOperation(loadBundledSpec(), "authenticate").path;
/** What the API answers a wrong password with. */
const unauthorized = firstExample("authenticate", "401");

/**
 * How the fake API answers a purchase (a login is always refused with the API's 401):
 * - `accept`: 200 with the given order;
 * - `drop`: reads the whole order, then cuts the connection without a byte of answer (a crash, a proxy
 *   timeout). No connection is kept alive, so the order comes on a fresh one;
 * - `drop-reused`: the same, but the CORS preflight (asked for every time) keeps its connection alive, so
 *   the order comes on that reused connection.
 */
export type FakeBehaviour = "accept" | "drop" | "drop-reused";

/** One purchase the fake API received. */
export interface ReceivedPurchase {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A "real" server on 127.0.0.1 for the billed-target tests: it counts what reaches it. */
export interface FakeApi {
  url: string;
  behaviour: FakeBehaviour;
  /** Every POST that reached the server, in order. */
  readonly purchases: ReceivedPurchase[];
  /** Forgets the purchases, goes back to `accept`, and closes idle connections (no reuse across tests). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a stand-in for a real API with the CORS answers a browser needs (any origin; the headers the
 * preflight asks for). Nothing is bought; it exists to count what a browser sends and to fail the way
 * real networks do.
 */
export async function startFakeApi(): Promise<FakeApi> {
  const purchases: ReceivedPurchase[] = [];
  const api: FakeApi = {
    url: "",
    behaviour: "accept",
    purchases,
    reset() {
      purchases.length = 0;
      api.behaviour = "accept";
      server.closeIdleConnections();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((request, response) => {
    const cors = { "access-control-allow-origin": "*" };
    if (request.method === "OPTIONS") {
      response
        .writeHead(204, {
          ...cors,
          "access-control-allow-methods": "POST",
          "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "",
          // No cached preflight: every purchase is preceded by one, which opens (or reuses) a connection.
          "access-control-max-age": "0",
          ...(api.behaviour === "drop" ? { connection: "close" } : {}),
        })
        .end();
      return;
    }
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      if (request.url === loginPath) {
        response.writeHead(401, { ...cors, "content-type": "application/json" }).end(JSON.stringify(unauthorized));
        return;
      }
      purchases.push({ headers: request.headers, body });
      if (api.behaviour === "accept")
        response.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(acceptedOrder));
      else request.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
