import { type Agent, request as httpRequest, type IncomingMessage } from "node:http";

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
