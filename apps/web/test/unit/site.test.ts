import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite, siteFiles } from "../../site.js";

let root: string;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), "tf-web-site-"));
  root = join(parent, "dist");
  await mkdir(join(root, "assets"), { recursive: true });
  await writeFile(join(root, "index.html"), "<!doctype html><title>desk</title>");
  await writeFile(join(root, "assets", "index-abc.js"), "export {};");
  await writeFile(join(root, "assets", "index-abc.css"), "body{}");
  await writeFile(join(parent, "secret.txt"), "outside the folder");
  site = await serveSite({ root });
});
afterAll(async () => {
  await site?.close();
  await rm(dirname(root), { recursive: true, force: true });
});

describe("serveSite", () => {
  it("lists the built files, index.html first", () => {
    expect(siteFiles(root)).toEqual(["index.html", "assets/index-abc.css", "assets/index-abc.js"]);
  });

  it.each([
    ["/", 200, "text/html; charset=utf-8"],
    ["/?mock=http://127.0.0.1:4011", 200, "text/html; charset=utf-8"],
    ["/assets/index-abc.js", 200, "text/javascript; charset=utf-8"],
    ["/assets/index-abc.css", 200, "text/css; charset=utf-8"],
    ["/assets/missing.js", 404, "text/plain; charset=utf-8"],
    ["/../secret.txt", 404, "text/plain; charset=utf-8"],
    ["/%2e%2e/secret.txt", 404, "text/plain; charset=utf-8"],
  ])("answers %s with %i (%s)", async (path, status, type) => {
    const response = await fetch(new URL(path, site.url));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(type);
    if (status === 200) expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses anything but GET and HEAD", async () => {
    const response = await fetch(site.url, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  it("says how to build when the folder is empty", async () => {
    const empty = await mkdtemp(join(tmpdir(), "tf-web-empty-"));
    expect(() => siteFiles(empty)).toThrow(/run npm run build -w @tf-orders\/web/);
    await rm(empty, { recursive: true });
  });

  it("with a list of files, serves those only (what the docs use: their folder also holds compiled code)", async () => {
    const listed = await serveSite({ root, files: ["assets/index-abc.css", "missing.yaml"] });
    try {
      const answers = await Promise.all(
        ["/", "/assets/index-abc.css", "/index.html", "/missing.yaml"].map(async (path) => {
          const response = await fetch(new URL(path, listed.url));
          return [path, response.status, await response.text()];
        }),
      );
      expect(answers).toEqual([
        ["/", 200, "body{}"],
        ["/assets/index-abc.css", 200, "body{}"],
        ["/index.html", 404, "Not found: /index.html\n"],
        ["/missing.yaml", 503, "Not built yet: missing.yaml\n"],
      ]);
    } finally {
      await listed.close();
    }
  });

  it("reads files on every request, so a rebuild shows at the next reload", async () => {
    await writeFile(join(root, "assets", "index-abc.css"), "body{color:red}");
    expect(await (await fetch(new URL("/assets/index-abc.css", site.url))).text()).toBe("body{color:red}");
  });
});
