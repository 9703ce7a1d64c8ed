// A gateway in front of the test Prometheus shaped like Mimir's: HTTPS demanding a client
// certificate from a private CA, a bearer token and a tenant header, and the API under /prometheus.
import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";

export interface GatewayState {
  /** The bearer token it accepts now. */
  token: string;
  /** Serials of the client certificates it accepts now (an allow-list, as a revocation would narrow it). */
  serials: Set<string>;
  /** The tenant X-Scope-OrgID must name. */
  tenant: string;
}

export interface MimirGateway {
  url: string;
  state: GatewayState;
  /** Requests it passed on to Prometheus. */
  proxied(): number;
  stop(): Promise<void>;
}

const PREFIX = "/prometheus";

/** Starts the gateway on 127.0.0.1:`port` with its server certificate, trusting client certificates from `ca`. */
export async function startMimirGateway(o: {
  port: number;
  prometheusUrl: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  state: GatewayState;
}): Promise<MimirGateway> {
  let proxied = 0;
  const refuse = (res: http.ServerResponse, status: number, text: string) =>
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(`${text}\n`);
  const server = https.createServer(
    { ca: o.ca, cert: o.cert, key: o.key, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const serial = (req.socket as TLSSocket).getPeerCertificate().serialNumber;
      if (!o.state.serials.has(serial)) return refuse(res, 403, `client certificate ${serial} is not allowed`);
      if (req.headers.authorization !== `Bearer ${o.state.token}`) return refuse(res, 401, "invalid bearer token");
      // Mimir's own answer to a request without a tenant.
      if (req.headers["x-scope-orgid"] !== o.state.tenant) return refuse(res, 401, "no org id");
      if (!req.url?.startsWith(`${PREFIX}/`)) return refuse(res, 404, "not found");
      const headers = { ...req.headers };
      delete headers.authorization;
      delete headers.host;
      delete headers["x-scope-orgid"];
      const upstream = http.request(
        new URL(req.url.slice(PREFIX.length), o.prometheusUrl),
        { method: req.method, headers },
        (answer) => {
          proxied++;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (e) => refuse(res, 502, `upstream: ${e.message}`));
      req.pipe(upstream);
    },
  );
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(o.port, "127.0.0.1", ok);
  });
  return {
    url: `https://127.0.0.1:${o.port}${PREFIX}`,
    state: o.state,
    proxied: () => proxied,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
