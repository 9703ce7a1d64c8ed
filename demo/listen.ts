import type { Server } from "node:net";

const EPHEMERAL_FROM = 32768; // Linux's default ip_local_port_range starts here

/**
 * Listens on 127.0.0.1:port, retrying for a few seconds: a port of 32768 and up can be held for a
 * moment as the local end of some outgoing connection.
 */
export async function listenLocal(server: Server, port: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 20) {
        const hint =
          port >= EPHEMERAL_FROM
            ? "; ports from 32768 up are also used by outgoing connections, prefer a base port below 32768"
            : "";
        throw new Error(`cannot listen on 127.0.0.1:${port}: ${(err as Error).message}${hint}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
