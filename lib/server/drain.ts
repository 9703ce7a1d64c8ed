import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

/**
 * Lets a stopping server exit as soon as its in-flight requests are answered. On SIGTERM Next's
 * standalone server calls `server.close()` (next/dist/server/lib/start-server.js), which waits for
 * those requests but keeps their keep-alive connections open once they are answered, so a polling
 * browser or a proxy's pool holds the process until the shutdown grace period ends. From
 * `beginDrain()` on, every answered connection is closed, and later answers say `Connection: close`.
 * Node's own diagnostics channels name the server and the response; no Next internals are touched.
 */
export function drainOnShutdown(): { beginDrain(): void; stopListening(): void } {
  let draining = false;
  const onRequest = (message: unknown) => {
    if (draining) (message as { response: ServerResponse }).response.setHeader("connection", "close");
  };
  const onFinish = (message: unknown) => {
    if (!draining) return;
    // Published before Node detaches the finished response from its socket: close on the next turn.
    const { server } = message as { server: Server };
    setImmediate(() => server.closeIdleConnections());
  };
  subscribe("http.server.request.start", onRequest);
  subscribe("http.server.response.finish", onFinish);
  return {
    beginDrain: () => {
      draining = true;
    },
    stopListening: () => {
      unsubscribe("http.server.request.start", onRequest);
      unsubscribe("http.server.response.finish", onFinish);
    },
  };
}
