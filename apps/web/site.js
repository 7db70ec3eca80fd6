import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built order desk (`npm run build -w @tf-orders/web`), for whoever serves it: `npm start`, the desk's
 * tests, `npm run serve -w @tf-orders/web`. The folder is plain static files with relative URLs, so any
 * static host serves it from any path.
 */
export const siteDir = fileURLToPath(new URL("./dist/", import.meta.url));

const contentTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Every file of the built desk, as URL paths relative to the folder, `index.html` first.
 *
 * @param {string} [root] the built folder; default {@link siteDir}
 * @returns {string[]}
 */
export function siteFiles(root = siteDir) {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  if (!files.includes("index.html"))
    throw new Error(`${root} holds no index.html: run npm run build -w @tf-orders/web`);
  return ["index.html", ...files.filter((file) => file !== "index.html")];
}

/**
 * Serves a built site on loopback — the desk by default — for `npm start`, the tests and `npm run serve`: `/` is the
 * first file, every other listed file by its path, anything else a 404 (nothing outside the list can be reached).
 * Without `files`, the list is every file of the folder, `index.html` first, listed again at each request so that a
 * rebuild shows at the next reload; with `files`, only those (the docs' folder also holds their compiled code).
 *
 * @example
 * ```js
 * const site = await serveSite({ port: 8081 });
 * console.log(`Web   ${site.url}?mock=http://127.0.0.1:4010`);
 * ```
 * @param {{ root?: string, files?: readonly string[], host?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveSite({ root = siteDir, files, host = "127.0.0.1", port = 0 } = {}) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let file;
    try {
      const listed = files ?? siteFiles(root);
      file = path === "/" ? listed[0] : listed.find((name) => path === `/${name}`);
    } catch (error) {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end(`${error.message}\n`);
      return;
    }
    if (file === undefined) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Not found: ${path}\n`);
      return;
    }
    readFile(join(root, file)).then(
      (body) => {
        response
          .writeHead(200, {
            "content-type":
              contentTypes[/** @type {keyof typeof contentTypes} */ (extname(file))] ?? "application/octet-stream",
            "cache-control": "no-store",
            "x-content-type-options": "nosniff",
          })
          .end(request.method === "HEAD" ? undefined : body);
      },
      () => response.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end(`Not built yet: ${file}\n`),
    );
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
