import { defineConfig, type Plugin } from "vite";
import { specFacts } from "./build/spec-facts.ts";

/**
 * The page's Content-Security-Policy, added to the built page only (the dev server injects inline code it
 * would block). Scripts and styles come from the page's own folder; requests may go to any http(s) origin,
 * since the person picks the API's URL; nothing else loads.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src http: https:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function securityPolicy(): Plugin {
  return {
    name: "tf-orders-content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy },
        injectTo: "head-prepend",
      },
    ],
  };
}

/** The client and its one dependency, in a chunk of their own: cached apart from the desk, and measured apart. */
const clientModules = /[\\/](packages[\\/]client|node_modules[\\/]openapi-fetch)[\\/]/;

export default defineConfig({
  // Relative URLs: the built folder works from any path of any static host.
  base: "./",
  plugins: [specFacts(), securityPolicy()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Every browser the desk targets supports modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "client", test: clientModules }] } },
    },
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
