// The mock's front: it owns the socket, reads each body within the limits, refuses what is too big itself, and
// forwards the rest to a Prism engine, giving a 422 the vendor's message for the order's actual problem.
import {
  type Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { pathOf, type SpecEngines } from "./engines.js";
import { PrismStartError } from "./prism-process.js";
import type { MockRequest } from "./start-mock.js";
import { answerOrder, vendorError } from "./vendor-answer.js";

/** Options of {@link startFront}. */
export interface FrontOptions {
  host: string;
  port: number;
  /** The largest request body accepted; a bigger one gets 413 without reaching Prism. */
  maxBodyBytes: number;
  /** The engines that serve the next request (the front waits while the first ones start). */
  engines: () => Promise<SpecEngines>;
  onRequest: ((request: MockRequest) => void) | undefined;
  /** Receives what goes wrong in the front itself (an engine that failed to answer). */
  onLog: ((line: string) => void) | undefined;
}

/** The listening front of a mock. */
export interface Front {
  readonly url: string;
  /** Stops listening and ends every connection. */
  close(): Promise<void>;
}

/** All requests together hold at most this many times the body limit. */
const budgetInBodies = 64;
/** After a refusal the rest of a body is read and dropped up to this many times the limit, then cut off. */
const drainInBodies = 16;

/**
 * The mock's HTTP front: the one socket clients see, in front of Prism's engines. For each request it reads
 * the body (refusing one over `maxBodyBytes` at once, with 413), has the engines serve it (an order is judged
 * by the rule table, then answered by the engine of its lane), gives an invalid order the vendor's message for
 * its actual problem (see answerOrder), and reports the request to `onRequest`. Everything else of Prism's
 * answer passes through. The front itself never runs the rule table or Prism, so nothing a client sends can
 * hold it up for long.
 *
 * @throws PrismStartError when it cannot listen (`portInUse` when the port is taken).
 */
export async function startFront(options: FrontOptions): Promise<Front> {
  const { maxBodyBytes } = options;
  const budget = new BodyBudget(budgetInBodies * maxBodyBytes);

  const answer = async (request: IncomingMessage, held: { bytes: number }): Promise<Answered> => {
    const read = await readBody(request, maxBodyBytes, budget, held);
    if (read.kind === "aborted") return { kind: "aborted" };
    if (read.kind !== "read") {
      const refusal =
        read.kind === "too large"
          ? frontRefusal(
              413,
              `The request body is larger than the mock's limit of ${maxBodyBytes} bytes.`,
              request.headers,
            )
          : frontRefusal(503, "The mock holds too many request bodies at once; retry shortly.", request.headers);
      return { kind: "answer", answer: refusal, closeAfter: true };
    }
    const { prism, verdict } = await (await options.engines()).serve(request, read.body);
    if (verdict === undefined) return { kind: "answer", answer: prism, closeAfter: false };
    const order = answerOrder(verdict, prism, header(request.headers.prefer));
    return { kind: "answer", answer: order.answer, closeAfter: false, fidelityWarning: order.fidelityWarning };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const arrived = performance.now();
    const held = { bytes: 0 };
    response.once("close", () => budget.give(held.bytes));
    let answered: Answered;
    try {
      answered = await answer(request, held);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.onLog?.(`The mock could not answer ${request.method} ${pathOf(request.url)}: ${reason}`);
      answered = {
        kind: "answer",
        answer: frontRefusal(502, `The mock's Prism engine did not answer: ${reason}`, request.headers),
        closeAfter: false,
      };
    }
    if (answered.kind === "aborted" || response.destroyed) return;
    send(response, answered.answer, answered.closeAfter);
    if (answered.closeAfter) dropRest(request, drainInBodies * maxBodyBytes);
    const logged: MockRequest = {
      method: request.method ?? "GET",
      path: pathOf(request.url),
      status: answered.answer.status,
      durationMs: performance.now() - arrived,
    };
    const message = vendorError(answered.answer);
    if (message !== undefined) logged.message = message;
    if (answered.fidelityWarning !== undefined) logged.fidelityWarning = answered.fidelityWarning;
    options.onRequest?.(logged);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onLog?.(`The mock's request log failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? PrismStartError.takenPort(options.host, options.port, error.message, undefined)
          : new PrismStartError(`Cannot listen on ${options.host}:${options.port}: ${error.message}`, "", undefined),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

type Answered =
  | { kind: "answer"; answer: EngineAnswer; closeAfter: boolean; fidelityWarning?: string | undefined }
  | { kind: "aborted" };

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function send(response: ServerResponse, answer: EngineAnswer, closeAfter: boolean): void {
  const headers = [...answer.headers, ["Content-Length", String(answer.body.length)]];
  if (closeAfter) headers.push(["Connection", "close"]);
  response.writeHead(answer.status, headers.flat());
  response.end(answer.body);
}

/** Reads and drops what is left of a refused body, so that the client gets the answer, but no more than `cap`. */
function dropRest(request: IncomingMessage, cap: number): void {
  let dropped = 0;
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) request.socket.destroy();
  });
  request.resume();
}

/**
 * An answer the front gives itself, without Prism: a body over the limit (413), more bodies at once than the
 * front holds (503), an engine that failed (502). It has the vendor's error shape `{"code":…,"error":"…"}` and
 * the CORS headers Prism's server (`prism-http-server`, with `--cors` on, its default) would have set for
 * the same request, so a browser can read it like any other answer of the mock.
 */
export function frontRefusal(status: 413 | 502 | 503, error: string, request: IncomingHttpHeaders): EngineAnswer {
  const headers: [string, string][] = [
    ["Access-Control-Allow-Origin", request.origin ?? "*"],
    ["Access-Control-Allow-Headers", request["access-control-request-headers"] ?? "*"],
    ["Access-Control-Allow-Credentials", "true"],
    ["Access-Control-Expose-Headers", header(request["access-control-expose-headers"]) ?? "*"],
    ["Content-Type", "application/json"],
  ];
  if (status === 503) headers.push(["Retry-After", "1"]);
  return { status, headers, body: Buffer.from(JSON.stringify({ code: status, error })) };
}

/** How a request body was read. */
export type BodyRead =
  | { kind: "read"; body: Buffer }
  /** Bigger than the limit: by its `Content-Length` before any byte was read, or once the limit was passed. */
  | { kind: "too large" }
  /** The bodies already held by other requests use up the budget. */
  | { kind: "busy" }
  /** The client went away before the body was complete. */
  | { kind: "aborted" };

/**
 * The bytes of request bodies the front may hold at once, all requests together, so that memory stays bounded
 * however many clients send at the same time.
 */
export class BodyBudget {
  #left: number;

  constructor(bytes: number) {
    this.#left = bytes;
  }

  /** Takes `bytes` from the budget; false (and nothing taken) when there is not enough left. */
  take(bytes: number): boolean {
    if (bytes > this.#left) return false;
    this.#left -= bytes;
    return true;
  }

  give(bytes: number): void {
    this.#left += bytes;
  }
}

/**
 * Reads a request body of at most `maxBytes`, taking each chunk from `budget`. A body declared bigger than the
 * limit is refused before a byte is read; one that grows past it is refused as soon as it does. Either way the
 * rest is never kept. `held` tells how many bytes the read took from the budget (to be given back once the
 * request is answered), whatever the outcome.
 */
export async function readBody(
  request: IncomingMessage,
  maxBytes: number,
  budget: BodyBudget,
  held: { bytes: number },
): Promise<BodyRead> {
  const declared = Number(request.headers["content-length"]);
  if (declared > maxBytes) return { kind: "too large" };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // Not destroyed on an early return: the refusal still has to reach the client over this connection.
    for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return { kind: "too large" };
      if (!budget.take(chunk.length)) return { kind: "busy" };
      held.bytes += chunk.length;
      chunks.push(chunk);
    }
  } catch {
    return { kind: "aborted" };
  }
  // An aborted upload also ends the iteration, without an error; `complete` tells them apart.
  return request.complete ? { kind: "read", body: Buffer.concat(chunks, size) } : { kind: "aborted" };
}

/** Prism's answer to one request, read whole (Prism only ever answers with the spec's small examples). */
export interface EngineAnswer {
  status: number;
  /** Header names and values in Prism's order and spelling, hop-by-hop headers left out. */
  headers: [string, string][];
  body: Buffer;
}

// Headers that describe one connection or one transfer, not the message: each side of the front sets its own.
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "content-length",
  "date",
  // The front has read the whole body already; the engine must not wait to be asked for it.
  "expect",
]);

/**
 * Sends a request, whose body has already been read, to an engine and reads its answer. Every end-to-end
 * header goes as it came (names, order and repeats kept), with a `Content-Length` for the body read: an empty
 * body becomes `Content-Length: 0`, which Prism reads as no body at all, as it would have.
 */
export function exchangeWithEngine(
  engineUrl: string,
  agent: Agent,
  incoming: IncomingMessage,
  body: Buffer,
): Promise<EngineAnswer> {
  const target = new URL(engineUrl);
  const headers: [string, string][] = [];
  for (const [name, value] of pairs(incoming.rawHeaders)) {
    if (!hopByHop.has(name.toLowerCase())) headers.push([name, value]);
  }
  headers.push(["Content-Length", String(body.length)]);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: headers.flat(),
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.once("error", reject);
        answer.once("end", () =>
          resolve({
            status: answer.statusCode ?? 502,
            headers: pairs(answer.rawHeaders).filter(([name]) => !hopByHop.has(name.toLowerCase())),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.once("error", reject);
    outgoing.end(body);
  });
}

function pairs(raw: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) result.push([raw[i]!, raw[i + 1]!]);
  return result;
}
