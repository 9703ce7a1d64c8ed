import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { PEER_HEADER } from "./client-address";
import { processSingleton } from "./singleton";
import { baselineHeaders } from "./security-headers";

/** Published by Node's HTTP server for each request, before the server's own request handler runs. */
const REQUEST_START = "http.server.request.start";

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  socket: Socket;
}

/**
 * Hooks every request the process serves, before Next sees it: notes the socket's peer address in
 * PEER_HEADER (replacing any a client sent), since Next gives routes no socket, and gives the answer
 * the baseline security headers, so that even what Next answers before proxy.ts runs carries them.
 */
export function hookRequestStart(): void {
  processSingleton("request-start-hook", () => {
    const headers = Object.entries(baselineHeaders());
    subscribe(REQUEST_START, (message) => {
      const { request, response, socket } = message as RequestStart;
      request.headers[PEER_HEADER] = socket.remoteAddress ?? "";
      for (const [name, value] of headers) response.setHeader(name, value);
    });
    return true;
  });
}
