import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
};

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Folder the files are read from, on every request (a rebuild shows at the next reload). */
  root: string;
  /** The only files served; `/` serves the first. Anything else is a 404, so nothing else in root leaks. */
  files: readonly string[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

/** A running static server. */
export interface StaticServer {
  /** Base URL with the real port, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a fixed list of files from a folder on loopback: the built reference and the bundled spec.
 *
 * @example
 * const server = await startStaticServer({ root: "dist", files: ["index.html", "openapi.yaml"] });
 * console.log(server.url); // http://127.0.0.1:40123/
 * await server.close();
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const { root, files, host = "127.0.0.1", port = 0 } = options;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = path === "/" ? files[0] : files.find((name) => path === `/${name}`);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (file === undefined) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Not found: ${path}\n`);
      return;
    }
    readFile(join(root, file)).then(
      (body) => {
        const headers = {
          "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
        };
        response.writeHead(200, headers).end(request.method === "HEAD" ? undefined : body);
      },
      () => {
        response.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end(`Not built yet: ${file}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
