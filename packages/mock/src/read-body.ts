import type { IncomingMessage } from "node:http";

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
