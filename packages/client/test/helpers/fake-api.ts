/** A scripted `fetch`: each call is recorded and answered by `answer`. */
export interface FakeApi {
  fetch: (request: Request) => Promise<Response>;
  calls: { url: string; method: string; headers: Headers; body: unknown }[];
  /** Calls to one path. */
  callsTo(path: string): FakeApi["calls"];
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export function fakeApi(answer: (call: FakeApi["calls"][number]) => Response | Promise<Response>): FakeApi {
  const calls: FakeApi["calls"] = [];
  return {
    calls,
    callsTo: (path) => calls.filter((call) => new URL(call.url).pathname === path),
    async fetch(request) {
      const text = await request.text();
      const call = {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      calls.push(call);
      return answer(call);
    },
  };
}
