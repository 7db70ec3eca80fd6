import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/** A running stand-in API (see order-server-process.ts). */
export interface OrderServer {
  /** Base URL such as `http://127.0.0.1:41234`. */
  url: string;
  stop(): Promise<void>;
}

/** Forks the keep-alive stand-in API and resolves once it listens. */
export async function startOrderServer(): Promise<OrderServer> {
  const child = fork(fileURLToPath(new URL("./order-server-process.js", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  const exited = once(child, "exit");
  const [message] = (await Promise.race([
    once(child, "message"),
    exited.then(([code]) => {
      throw new Error(`the stand-in API exited with code ${String(code)} before listening`);
    }),
  ])) as [{ port: number }];
  return {
    url: `http://127.0.0.1:${message.port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      process.off("exit", killOnExit);
    },
  };
}
