import { createServer, Agent, get, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { drainOnShutdown } from "./drain";

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((undo) => undo()));

function drain() {
  const d = drainOnShutdown();
  cleanup.push(d.stopListening);
  return d;
}

async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  // Next's standalone server keeps idle connections 5 s by default.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => server.closeAllConnections());
  return { server, port: (server.address() as AddressInfo).port };
}

describe("drainOnShutdown", () => {
  it("lets a closing server finish once its in-flight request is answered on a keep-alive connection", async () => {
    const { beginDrain } = drain();
    const { server, port } = await listen((_req, res) => setTimeout(() => res.end("done"), 300));
    const agent = new Agent({ keepAlive: true });
    cleanup.push(() => agent.destroy());
    const started = Date.now();
    const answer = new Promise<{ status?: number; body: string; connection?: string; at: number }>((resolve, reject) =>
      get({ host: "127.0.0.1", port, agent }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () =>
          resolve({ status: res.statusCode, body, connection: res.headers.connection, at: Date.now() }),
        );
      }).on("error", reject),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    // What Next does on SIGTERM, with the drain begun beside it.
    beginDrain();
    const closed = new Promise<number>((resolve) => server.close(() => resolve(Date.now())));

    const { status, body, connection, at } = await answer;
    expect([status, body, connection]).toEqual([200, "done", "keep-alive"]);
    expect(at - started).toBeGreaterThanOrEqual(300);
    // Closed as soon as the answer went out, not when the idle connection times out (5 s) or the client drops it.
    expect((await closed) - at).toBeLessThan(1_000);
  });

  it("answers requests that arrive while it drains with Connection: close", async () => {
    const { beginDrain } = drain();
    const { port } = await listen((_req, res) => res.end("ok"));
    const before = await fetch(`http://127.0.0.1:${port}/`);
    expect([await before.text(), before.headers.get("connection")]).toEqual(["ok", "keep-alive"]);
    beginDrain();
    const during = await fetch(`http://127.0.0.1:${port}/`);
    expect([await during.text(), during.headers.get("connection")]).toEqual(["ok", "close"]);
  });
});
