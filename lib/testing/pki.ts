// A private CA and certificates for tests, made with the openssl command (EC P-256: fast to make).
import { execFileSync } from "node:child_process";
import { randomBytes, X509Certificate } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Issued {
  /** PEM file paths. */
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
  /** Hex, as Node's getPeerCertificate() gives it. */
  serial: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

function issued(dir: string, name: string): Issued {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  const cert = readFileSync(certFile);
  return { certFile, keyFile, cert, key: readFileSync(keyFile), serial: new X509Certificate(cert).serialNumber };
}

/** 8 random bytes, the first below 0x80 and not 0, so the serial reads the same in every tool. */
function randomSerial(): string {
  const bytes = randomBytes(8);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return `0x${bytes.toString("hex")}`;
}

const EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

/** A self-signed CA named `name` in `dir` (`name`.crt, `name`.key). */
export function makeCa(dir: string, name: string): Issued {
  openssl(dir, [
    "req",
    "-x509",
    ...EC,
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.crt`,
    "-days",
    "2",
    "-subj",
    `/CN=${name}`,
  ]);
  return issued(dir, name);
}

/**
 * A certificate signed by `ca`: a server's for `hosts` (DNS names and IP addresses) or a client's.
 * Each has a random serial, so two made alike are still told apart.
 */
export function issue(
  dir: string,
  ca: Issued,
  name: string,
  o: { commonName: string; server?: { hosts: string[] } },
): Issued {
  openssl(dir, ["req", ...EC, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${o.commonName}`]);
  const sans = o.server?.hosts.map((h) => (/^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(",");
  const extensions = o.server
    ? `subjectAltName=${sans}\nextendedKeyUsage=serverAuth\n`
    : "extendedKeyUsage=clientAuth\n";
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    ca.certFile,
    "-CAkey",
    ca.keyFile,
    "-set_serial",
    randomSerial(),
    "-out",
    `${name}.crt`,
    "-days",
    "1",
    "-extfile",
    `${name}.ext`,
  ]);
  return issued(dir, name);
}
