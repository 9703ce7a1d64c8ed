// The connection to the upstream: undici's fetch with an Agent of our own, never the global
// dispatcher (Next patches the global fetch). Both come from the one undici 7 in package.json: an
// Agent handed to Node's built-in fetch, another undici, fails ("invalid onRequestStart method").
import { createPrivateKey, X509Certificate } from "node:crypto";
import { createSecureContext, type SecureVersion } from "node:tls";
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from "undici";
import type { Config, TlsConfig } from "@/lib/config/schema";
import { upstreamHeaders } from "./auth";
import { createPrometheusClient, type PrometheusClient } from "./client";
import { upstreamDiagnosis } from "./diagnosis";
import { fileError, rebuiltOnChange, type RebuildOptions, type SettingFile } from "./watched-files";

const TLS_VERSIONS: Record<TlsConfig["minVersion"], SecureVersion> = { TLS12: "TLSv1.2", TLS13: "TLSv1.3" };

const ROLES = ["ca", "cert", "key"] as const;
type Role = (typeof ROLES)[number];
export type TlsFiles = Partial<Record<Role, SettingFile>>;

/** The files the TLS settings name. */
export function tlsFiles(tls: TlsConfig | undefined): TlsFiles {
  return {
    ca: tls?.caFile ? { setting: "prometheus.tls.caFile", path: tls.caFile } : undefined,
    cert: tls?.certFile ? { setting: "prometheus.tls.certFile", path: tls.certFile } : undefined,
    key: tls?.keyFile ? { setting: "prometheus.tls.keyFile", path: tls.keyFile } : undefined,
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

// The OpenSSL code says what is wrong with the contents; the rest of its text is internal.
const codeOf = (e: unknown) => (e as { code?: string }).code ?? (e as Error).message;

/** Checks that a file holds PEM certificates: Node would take garbage as a CA list and fail every handshake. */
function certificates(file: SettingFile, content: Buffer): Buffer {
  const blocks = content.toString("utf8").match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw fileError(file, "no PEM certificate in it", "use");
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (e) {
      throw fileError(file, `not a valid PEM certificate (${codeOf(e)})`, "use");
    }
  }
  return content;
}

/**
 * undici's `connect` options for the TLS settings (passed on to Node's tls.connect:
 * https://undici.nodejs.org/#/docs/api/Client?id=parameter-connectoptions),
 * from the files' contents, checked here so a bad file is named before any connection.
 */
export function connectOptions(tls: TlsConfig | undefined, files: TlsFiles, contents: Partial<Record<Role, Buffer>>) {
  const empty = Buffer.alloc(0);
  const ca = files.ca && certificates(files.ca, contents.ca ?? empty);
  let cert: Buffer | undefined;
  let key: Buffer | undefined;
  if (files.cert && files.key) {
    cert = certificates(files.cert, contents.cert ?? empty);
    key = contents.key ?? empty;
    try {
      createPrivateKey(key);
    } catch (e) {
      throw fileError(files.key, `not a PEM private key without a passphrase (${codeOf(e)})`, "use");
    }
    try {
      createSecureContext({ cert, key });
    } catch (e) {
      throw fileError(files.key, `not the key of prometheus.tls.certFile ${files.cert.path} (${codeOf(e)})`, "use");
    }
  }
  return {
    ...(ca && { ca }),
    ...(cert && key && { cert, key }),
    ...(tls?.serverName && { servername: tls.serverName }),
    rejectUnauthorized: !(tls?.insecureSkipVerify ?? false),
    minVersion: TLS_VERSIONS[tls?.minVersion ?? "TLS12"],
  };
}

/**
 * The fetch every upstream request goes through. Its Agent holds the TLS settings and is built
 * again when a CA, certificate or key file changes: pooled connections keep the certificate they
 * were opened with, so a rotation needs new connections. The old Agent finishes its requests, then closes.
 */
export function upstreamFetch(
  cfg: Config["prometheus"],
  o: Pick<RebuildOptions<Agent>, "checkEveryMs" | "now"> = {},
): typeof fetch {
  const files = tlsFiles(cfg.tls);
  const roles = ROLES.filter((r) => files[r]);
  const agent = rebuiltOnChange(
    roles.map((r) => files[r] as SettingFile),
    (contents) => {
      const byRole = Object.fromEntries(roles.map((r, i) => [r, contents[i]]));
      return new Agent({ connect: connectOptions(cfg.tls, files, byRole) });
    },
    {
      ...o,
      // Closing waits for the requests under way, but not for a fetch that took the old Agent and has
      // not dispatched yet: give those a second. It fails only for an Agent already destroyed.
      onReplace: (old) => setTimeout(() => void old.close().catch(() => undefined), 1000).unref(),
    },
  );
  const doFetch = (input: string | URL, init?: RequestInit) =>
    // The types differ only in undici's own Request and Response classes; the shapes agree.
    undiciFetch(input, { ...(init as UndiciRequestInit), dispatcher: agent() });
  return doFetch as unknown as typeof fetch;
}

/** The client for the configured upstream: its URL, credentials, TLS and the advice its errors give. */
export function configuredClient(cfg: Config["prometheus"]): PrometheusClient {
  return createPrometheusClient({
    url: cfg.url,
    timeoutMs: cfg.timeoutSeconds * 1000,
    headers: upstreamHeaders(cfg),
    fetch: upstreamFetch(cfg),
    diagnosis: upstreamDiagnosis(cfg),
  });
}
