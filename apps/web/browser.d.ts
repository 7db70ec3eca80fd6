/** Where Debian and other distributions put a Chromium or Chrome binary, in the order tried. */
export declare const standardChromiumPaths: readonly string[];
/** Flags that keep Chromium off every host but 127.0.0.1, Google's background services included. */
export declare const offlineFlags: readonly string[];
/** The Chromium to drive: CHROMIUM_PATH when set (it must exist), else the first standard path that exists. */
export declare function findChromium(env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean): string;
/** Whether a URL stays on this machine's loopback address (or never touches the network). */
export declare function isLocal(url: string): boolean;
