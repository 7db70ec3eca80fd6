import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../src/server/static-server.js";

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tf-docs-static-"));
  await writeFile(join(root, "index.html"), "<h1>docs</h1>");
  await writeFile(join(root, "openapi.json"), "{}");
  await writeFile(join(root, "secret.txt"), "not for the web");
  server = await startStaticServer({ root, files: ["index.html", "openapi.json", "openapi.yaml"] });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe("startStaticServer", () => {
  it("listens on 127.0.0.1 on a free port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ["/", 200, "text/html; charset=utf-8", "<h1>docs</h1>"],
    ["/index.html", 200, "text/html; charset=utf-8", "<h1>docs</h1>"],
    ["/openapi.json", 200, "application/json; charset=utf-8", "{}"],
    ["/openapi.yaml", 503, "text/plain; charset=utf-8", "Not built yet: openapi.yaml\n"],
    ["/secret.txt", 404, "text/plain; charset=utf-8", "Not found: /secret.txt\n"],
    ["/../package.json", 404, "text/plain; charset=utf-8", "Not found: /package.json\n"],
  ])("GET %s answers %i", async (path, status, type, body) => {
    const response = await fetch(new URL(path, server.url));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it("reads files on every request, so a rebuild shows at the next reload", async () => {
    await writeFile(join(root, "index.html"), "<h1>rebuilt</h1>");
    expect(await (await fetch(server.url)).text()).toBe("<h1>rebuilt</h1>");
  });

  it("refuses methods other than GET and HEAD", async () => {
    const response = await fetch(server.url, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
