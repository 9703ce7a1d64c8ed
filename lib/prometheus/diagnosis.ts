// What a refused request or a failed TLS connection means for the operator: the setting to check.
// Node and undici only give an OpenSSL code, which names the symptom, not the fix.
import type { Config } from "@/lib/config/schema";
import type { UpstreamErrorKind } from "./errors";

/** The upstream settings a diagnosis refers to. */
export type DiagnosedSettings = Pick<Config["prometheus"], "url" | "headers" | "bearerTokenFile" | "basicAuth" | "tls">;

export interface Diagnosis {
  /** Why the upstream answered 401 or 403, and what to check; `detail` is its own short reason, or "". */
  refused(status: number, detail: string): string;
  /** What a failed connection means, when its cause tells (TLS); undefined for a plain network failure. */
  connectionFailure(cause: unknown): { kind: UpstreamErrorKind; message: string } | undefined;
}

// The upstream's certificate does not chain to a CA we trust.
const UNTRUSTED = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
]);
// TLS alerts a server sends when it refuses the client certificate (OpenSSL's names, as Node codes them).
const CLIENT_CERT_ALERT =
  /^ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED|HANDSHAKE_FAILURE)$/;
const NO_COMMON_VERSION = new Set([
  "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION",
  "ERR_SSL_UNSUPPORTED_PROTOCOL",
  "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
]);
// What OpenSSL reads when the other side answers in plain HTTP.
const NOT_TLS = new Set(["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST"]);

interface Cause {
  code?: unknown;
  message?: unknown;
  socket?: { bytesRead?: unknown };
}

/** Diagnoses failures in the terms of the given settings (none: generic advice). */
export function upstreamDiagnosis(p: Partial<DiagnosedSettings> = {}): Diagnosis {
  const tls = p.tls;
  const https = p.url?.startsWith("https:") ?? false;
  const untrusted = (code: string) =>
    tls?.caFile
      ? `the upstream's certificate is not signed by a CA in prometheus.tls.caFile (${code})`
      : `the upstream's certificate is not signed by a CA Node trusts (${code}): set prometheus.tls.caFile to its CA`;
  const clientCertFix = tls?.certFile
    ? "check prometheus.tls.certFile (signed by a CA the upstream trusts, not expired) and keyFile"
    : "if it demands mutual TLS, set prometheus.tls.certFile and keyFile";

  function refused(status: number, detail: string): string {
    const said = `${status}${detail ? `: ${detail}` : ""}`;
    if (status === 401) {
      if (p.bearerTokenFile) return `the upstream refused the bearer token (${said}): check prometheus.bearerTokenFile`;
      if (p.basicAuth)
        return `the upstream refused the basic-auth credentials (${said}): check prometheus.basicAuth.username and passwordFile`;
      return `the upstream asks for credentials (${said}): set prometheus.bearerTokenFile or prometheus.basicAuth`;
    }
    // Valid credentials without the right: the token's or user's grants, the tenant, the client certificate.
    const suspects = [
      p.bearerTokenFile && "prometheus.bearerTokenFile",
      p.basicAuth && "prometheus.basicAuth",
      Object.keys(p.headers ?? {}).length > 0 && "prometheus.headers",
      tls?.certFile && "prometheus.tls.certFile",
    ].filter((s) => typeof s === "string");
    return `the upstream forbids the request (${said}): check what ${suspects.length ? suspects.join(", ") : "the credentials"} may read`;
  }

  function connectionFailure(cause: unknown): ReturnType<Diagnosis["connectionFailure"]> {
    if (!https || typeof cause !== "object" || cause === null) return undefined;
    const c = cause as Cause;
    const code = typeof c.code === "string" ? c.code : "";
    const text = typeof c.message === "string" ? c.message : "";
    const failure = (message: string) => ({ kind: "tls" as const, message: `TLS: ${message}` });
    if (UNTRUSTED.has(code)) return failure(untrusted(code));
    if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
      const fix = tls?.serverName
        ? "check prometheus.tls.serverName"
        : "set prometheus.tls.serverName to a name it holds, or use that name in prometheus.url";
      return failure(`the upstream's certificate is not for the name asked (${code}: ${text}): ${fix}`);
    }
    if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID")
      return failure(`the upstream's certificate is not valid now (${code}): it is the upstream's to renew`);
    if (CLIENT_CERT_ALERT.test(code))
      return failure(`the upstream refused the client certificate (${code}): ${clientCertFix}`);
    if (NO_COMMON_VERSION.has(code))
      return failure(`no TLS version in common with the upstream (${code}): check prometheus.tls.minVersion`);
    if (NOT_TLS.has(code))
      return failure(`the upstream does not speak TLS on this port (${code}): is prometheus.url meant to be http://?`);
    // A server that checks the client certificate after the TLS 1.3 handshake (Node's does) closes
    // the new connection without a word; undici reports only that the other side closed.
    const closedUnanswered =
      (code === "UND_ERR_SOCKET" && c.socket?.bytesRead === 0) ||
      (code === "ECONNRESET" && text.includes("before secure TLS connection"));
    if (closedUnanswered)
      return failure(
        `the upstream closed the connection before answering (${code}), as a server does when it refuses the client certificate: ${clientCertFix}`,
      );
    if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_"))
      return failure(`the handshake failed (${code}: ${text})`);
    return undefined;
  }

  return { refused, connectionFailure };
}
