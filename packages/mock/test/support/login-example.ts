import { loadBundledSpec, locateOperation, operationExamples } from "@tf-orders/spec/reader";

/** The login operation's first request example and its first 200 example, read from the spec. */
export function loginExample(): { path: string; credentials: unknown; token: unknown } {
  const spec = loadBundledSpec();
  const { path } = locateOperation(spec, "authenticate");
  const examples = operationExamples(spec, "authenticate");
  const [request] = examples.request;
  const [response] = examples.responses["200"] ?? [];
  if (request === undefined || response === undefined) throw new Error("the login operation has no examples");
  return { path, credentials: request.value, token: response.value };
}

/** Posts the spec's login example to a server and returns the status and JSON body. */
export async function postLoginExample(baseUrl: string): Promise<{ status: number; body: unknown }> {
  const { path, credentials } = loginExample();
  const response = await fetch(new URL(path, baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(credentials),
  });
  return { status: response.status, body: await response.json() };
}
