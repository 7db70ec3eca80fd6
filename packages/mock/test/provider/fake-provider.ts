import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateOrderRequest } from "@tf-orders/client";
import { loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";
import type { Credentials } from "./provider-config.ts";

/** A local stand-in for the real API, right in every way but one: an accepted order has no `batches`. */
export interface FakeProvider {
  url: string;
  credentials: Credentials;
  /** How many orders it accepted (answered 200). */
  accepted(): number;
  close(): Promise<void>;
}

const credentials: Credentials = { username: "contract-user", password: "contract-password" };
const token = "fake-provider-token";

/**
 * Starts the fake on 127.0.0.1 and a free port. It logs in `credentials`, refuses other tokens with the spec's
 * 401 body, rejects invalid orders (judged by the client's validator) with a 422 naming the parameter, and
 * answers an unacceptable `Accept` with 406 — but accepts a valid order with `{"orderID": 1}` only, which
 * breaks the spec's Order schema. Provider mode must catch that.
 */
export async function startFakeProvider(): Promise<FakeProvider> {
  const spec = loadBundledSpec();
  const loginPath = locateOperation(spec, "authenticate").path;
  const purchasePath = locateOperation(spec, "purchaseTollFreeNumbers").path;
  // The spec's own error bodies: the first named example of a status.
  const errorBody = (operationId: string, status: string) =>
    operationExamples(spec, operationId).responses[status]?.[0]?.value;
  let accepted = 0;

  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      if (request.method === "POST" && request.url === loginPath) {
        const given = body as Partial<Credentials> | undefined;
        if (given?.username === credentials.username && given.password === credentials.password)
          return send(response, 200, { token });
        return send(response, 401, errorBody("authenticate", "401"));
      }
      if (request.method === "POST" && request.url === purchasePath) {
        if (request.headers.authorization !== token)
          return send(response, 401, errorBody("purchaseTollFreeNumbers", "401"));
        const accept = request.headers.accept ?? "*/*";
        if (!/json|\*\/\*/.test(accept)) return send(response, 406, errorBody("purchaseTollFreeNumbers", "406"));
        const verdict = validateOrderRequest(body);
        if (!verdict.ok)
          return send(response, 422, { code: 422, error: verdict.errors[0]?.message ?? "Invalid order." });
        accepted += 1;
        return send(response, 200, { orderID: 1 });
      }
      return send(response, 404, { code: 404, error: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    credentials,
    accepted: () => accepted,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
