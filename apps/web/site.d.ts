/** The built order desk's folder (apps/web/dist/). */
export declare const siteDir: string;
/** Every file of the built desk as URL paths relative to the folder, `index.html` first. */
export declare function siteFiles(root?: string): string[];
/** A running server of the built desk. */
export interface RunningSite {
  /** Base URL with the real port, ending in `/`. */
  url: string;
  close(): Promise<void>;
}
/**
 * Serves a built site on loopback (default: the desk, 127.0.0.1, a free port): `/` is the first file, every other
 * listed file by its path (default: every file of `root`, listed at each request), anything else a 404.
 */
export declare function serveSite(options?: {
  root?: string;
  files?: readonly string[];
  host?: string;
  port?: number;
}): Promise<RunningSite>;
