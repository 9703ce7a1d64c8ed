import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { issue, makeCa, type Issued } from "@/lib/testing/pki";
import { UpstreamError } from "./errors";
import { connectOptions, tlsFiles, upstreamFetch } from "./transport";

let dir: string;
let ca: Issued;
let otherCa: Issued;
let server: https.Server;
let url: string;
const client: Issued[] = [];

// An upstream that demands a client certificate from `ca` and answers with its common name.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "signalboard-transport-"));
  ca = makeCa(dir, "ca");
  otherCa = makeCa(dir, "other-ca");
  const serverCert = issue(dir, ca, "server", {
    commonName: "localhost",
    server: { hosts: ["localhost", "127.0.0.1"] },
  });
  client.push(issue(dir, ca, "client-1", { commonName: "signalboard-1" }));
  client.push(issue(dir, ca, "client-2", { commonName: "signalboard-2" }));
  server = https.createServer(
    { ca: ca.cert, cert: serverCert.cert, key: serverCert.key, requestCert: true, rejectUnauthorized: true },
    (req, res) => res.end(String((req.socket as TLSSocket).getPeerCertificate().subject?.CN)),
  );
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  fs.rmSync(dir, { recursive: true, force: true });
});

const prometheus = (tls: object) => configSchema.parse({ prometheus: { url: "https://127.0.0.1:1", tls } }).prometheus;

/** Files under fixed names that a test rewrites, as a rotation does. */
function mounted(files: { ca: Issued; client: Issued }) {
  const at = {
    caFile: path.join(dir, "m-ca.crt"),
    certFile: path.join(dir, "m-tls.crt"),
    keyFile: path.join(dir, "m-tls.key"),
  };
  const put = (f: { ca: Issued; client: Issued }) => {
    fs.writeFileSync(at.caFile, f.ca.cert);
    fs.writeFileSync(at.certFile, f.client.cert);
    fs.writeFileSync(at.keyFile, f.client.key);
  };
  put(files);
  return { at, put };
}

/** What the fetch answered, or the code of the connection failure's cause. */
async function outcome(doFetch: typeof fetch): Promise<string> {
  try {
    return await (await doFetch(url, { cache: "no-store" })).text();
  } catch (e) {
    return `failed: ${(e as { cause?: { code?: string } }).cause?.code}`;
  }
}

describe("upstreamFetch", () => {
  it("presents the client certificate and checks the server against caFile", async () => {
    const m = mounted({ ca, client: client[0] as Issued });
    expect(await outcome(upstreamFetch(prometheus(m.at)))).toBe("signalboard-1");
    // Without the private CA, Node's own CAs do not trust the server.
    expect(await outcome(upstreamFetch(prometheus({ certFile: m.at.certFile, keyFile: m.at.keyFile })))).toBe(
      "failed: SELF_SIGNED_CERT_IN_CHAIN",
    );
  });

  // A pooled connection keeps the certificates it was opened with: only a new Agent uses new files.
  it("uses rotated files on new connections once the check interval has passed", async () => {
    const clock = { t: 0 };
    const m = mounted({ ca, client: client[0] as Issued });
    const doFetch = upstreamFetch(prometheus(m.at), { checkEveryMs: 5000, now: () => clock.t });
    expect(await outcome(doFetch)).toBe("signalboard-1");

    m.put({ ca, client: client[1] as Issued });
    expect(await outcome(doFetch)).toBe("signalboard-1");
    clock.t += 5000;
    expect(await outcome(doFetch)).toBe("signalboard-2");

    m.put({ ca: otherCa, client: client[1] as Issued });
    clock.t += 5000;
    expect(await outcome(doFetch)).toBe("failed: SELF_SIGNED_CERT_IN_CHAIN");
    m.put({ ca, client: client[1] as Issued });
    clock.t += 5000;
    expect(await outcome(doFetch)).toBe("signalboard-2");
  });

  it("checks the name the certificate must hold against serverName", async () => {
    const m = mounted({ ca, client: client[0] as Issued });
    expect(await outcome(upstreamFetch(prometheus({ ...m.at, serverName: "localhost" })))).toBe("signalboard-1");
    expect(await outcome(upstreamFetch(prometheus({ ...m.at, serverName: "prometheus.example" })))).toBe(
      "failed: ERR_TLS_CERT_ALTNAME_INVALID",
    );
  });

  it("skips verification only when told to", async () => {
    const m = mounted({ ca: otherCa, client: client[0] as Issued });
    expect(await outcome(upstreamFetch(prometheus({ ...m.at, insecureSkipVerify: true })))).toBe("signalboard-1");
  });
});

describe("connectOptions", () => {
  /** The config error connectOptions throws for the TLS settings and file contents. */
  function refusal(tls: object, contents: { ca?: Buffer; cert?: Buffer; key?: Buffer }): string {
    const t = prometheus(tls).tls;
    try {
      connectOptions(t, tlsFiles(t), contents);
    } catch (e) {
      expect(e).toBeInstanceOf(UpstreamError);
      expect((e as UpstreamError).kind).toBe("config");
      return (e as Error).message;
    }
    throw new Error("expected a config error");
  }

  it("names a CA file that holds no certificate, which Node itself would accept", () => {
    expect(refusal({ caFile: "/etc/ca.crt" }, { ca: Buffer.from("not a certificate\n") })).toBe(
      "cannot use prometheus.tls.caFile /etc/ca.crt: no PEM certificate in it",
    );
  });

  it("names a key file that is not a key, or not the certificate's", () => {
    const c1 = client[0] as Issued;
    const files = { certFile: "/etc/tls.crt", keyFile: "/etc/tls.key" };
    expect(refusal(files, { cert: c1.cert, key: c1.cert })).toBe(
      "cannot use prometheus.tls.keyFile /etc/tls.key: not a PEM private key without a passphrase (ERR_OSSL_UNSUPPORTED)",
    );
    expect(refusal(files, { cert: c1.cert, key: (client[1] as Issued).key })).toBe(
      "cannot use prometheus.tls.keyFile /etc/tls.key: not the key of prometheus.tls.certFile /etc/tls.crt (ERR_OSSL_X509_KEY_VALUES_MISMATCH)",
    );
  });

  it("passes the server name, verification and minimum version on to tls.connect", () => {
    const t = prometheus({ serverName: "prom.internal", insecureSkipVerify: true, minVersion: "TLS13" }).tls;
    expect(connectOptions(t, tlsFiles(t), {})).toEqual({
      servername: "prom.internal",
      rejectUnauthorized: false,
      minVersion: "TLSv1.3",
    });
    expect(connectOptions(undefined, {}, {})).toEqual({ rejectUnauthorized: true, minVersion: "TLSv1.2" });
  });
});
