import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { upstreamDiagnosis } from "./diagnosis";

const settings = (extra: object) =>
  configSchema.parse({ prometheus: { url: "https://mimir.example/prometheus", ...extra } }).prometheus;
const mtls = settings({
  bearerTokenFile: "/run/token",
  headers: { "X-Scope-OrgID": "team-a" },
  tls: { caFile: "/etc/ca.crt", certFile: "/etc/tls.crt", keyFile: "/etc/tls.key" },
});

/** A connection failure's cause as undici reports it. */
const cause = (code: string, message = "", extra: object = {}) => Object.assign(new Error(message), { code, ...extra });

describe("refused", () => {
  it("points at the credential in use on a 401", () => {
    expect(upstreamDiagnosis(mtls).refused(401, "token expired")).toBe(
      "the upstream refused the bearer token (401: token expired): check prometheus.bearerTokenFile",
    );
    expect(upstreamDiagnosis(settings({ basicAuth: { username: "u", passwordFile: "/p" } })).refused(401, "")).toBe(
      "the upstream refused the basic-auth credentials (401): check prometheus.basicAuth.username and passwordFile",
    );
  });

  it("lists every setting that decides what may be read on a 403", () => {
    expect(upstreamDiagnosis(mtls).refused(403, "")).toBe(
      "the upstream forbids the request (403): check what prometheus.bearerTokenFile, prometheus.headers, prometheus.tls.certFile may read",
    );
    expect(upstreamDiagnosis(settings({})).refused(403, "no")).toBe(
      "the upstream forbids the request (403: no): check what the credentials may read",
    );
  });
});

describe("connectionFailure", () => {
  it.each([
    [
      "an unknown issuer, with a caFile",
      mtls,
      cause("UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
      "TLS: the upstream's certificate is not signed by a CA in prometheus.tls.caFile (UNABLE_TO_VERIFY_LEAF_SIGNATURE)",
    ],
    [
      "a private CA, without a caFile",
      settings({}),
      cause("DEPTH_ZERO_SELF_SIGNED_CERT"),
      "TLS: the upstream's certificate is not signed by a CA Node trusts (DEPTH_ZERO_SELF_SIGNED_CERT): set prometheus.tls.caFile to its CA",
    ],
    [
      "a name mismatch, quoting the names the certificate holds",
      mtls,
      cause("ERR_TLS_CERT_ALTNAME_INVALID", "Host: prom.example. is not in the cert's altnames: DNS:localhost"),
      "TLS: the upstream's certificate is not for the name asked (ERR_TLS_CERT_ALTNAME_INVALID: Host: prom.example. is not in the cert's altnames: DNS:localhost): set prometheus.tls.serverName to a name it holds, or use that name in prometheus.url",
    ],
    [
      "a name mismatch with a serverName set",
      settings({ tls: { serverName: "prom.example" } }),
      cause("ERR_TLS_CERT_ALTNAME_INVALID", "Host: prom.example. is not in the cert's altnames: DNS:localhost"),
      "TLS: the upstream's certificate is not for the name asked (ERR_TLS_CERT_ALTNAME_INVALID: Host: prom.example. is not in the cert's altnames: DNS:localhost): check prometheus.tls.serverName",
    ],
    [
      "a client certificate refused by alert",
      mtls,
      cause("ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"),
      "TLS: the upstream refused the client certificate (ERR_SSL_TLSV1_ALERT_UNKNOWN_CA): check prometheus.tls.certFile (signed by a CA the upstream trusts, not expired) and keyFile",
    ],
    [
      "a client certificate demanded but not configured",
      settings({}),
      cause("ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"),
      "TLS: the upstream refused the client certificate (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED): if it demands mutual TLS, set prometheus.tls.certFile and keyFile",
    ],
    [
      "a new connection closed before any byte came back (a TLS 1.3 server refusing the certificate)",
      mtls,
      cause("UND_ERR_SOCKET", "other side closed", { socket: { bytesRead: 0 } }),
      "TLS: the upstream closed the connection before answering (UND_ERR_SOCKET), as a server does when it refuses the client certificate: check prometheus.tls.certFile (signed by a CA the upstream trusts, not expired) and keyFile",
    ],
    [
      "no TLS version in common",
      settings({ tls: { minVersion: "TLS13" } }),
      cause("ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION"),
      "TLS: no TLS version in common with the upstream (ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION): check prometheus.tls.minVersion",
    ],
    [
      "plain HTTP on the port",
      settings({}),
      cause("ERR_SSL_WRONG_VERSION_NUMBER"),
      "TLS: the upstream does not speak TLS on this port (ERR_SSL_WRONG_VERSION_NUMBER): is prometheus.url meant to be http://?",
    ],
  ])("explains %s", (_, s, c, message) => {
    expect(upstreamDiagnosis(s).connectionFailure(c)).toEqual({ kind: "tls", message });
  });

  it("leaves plain network failures, and any failure of an http:// upstream, to the caller", () => {
    expect(upstreamDiagnosis(mtls).connectionFailure(cause("ECONNREFUSED"))).toBeUndefined();
    // A reused connection the server closed has read bytes: not a refused handshake.
    const reused = cause("UND_ERR_SOCKET", "other side closed", { socket: { bytesRead: 512 } });
    expect(upstreamDiagnosis(mtls).connectionFailure(reused)).toBeUndefined();
    const http = upstreamDiagnosis({ url: "http://prom:9090" });
    expect(http.connectionFailure(cause("UND_ERR_SOCKET", "other side closed", { socket: { bytesRead: 0 } }))).toBe(
      undefined,
    );
    expect(upstreamDiagnosis(mtls).connectionFailure(undefined)).toBeUndefined();
  });
});
