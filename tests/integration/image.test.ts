import { createServer, request, type Server } from "node:http";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServicesResponse } from "@/lib/model/types";
import { waitForHttp } from "../../demo/processes";
import { buildImage, IMAGE_TAG } from "../../scripts/image/build";
import { TEST_PORT_OFFSET } from "../port-offset";
import { start, unpack, type Container } from "./crun";
import { scratchDir } from "./extra";
import { promQuery, stack } from "./helpers";
import { EXTRA_PORTS } from "./stack-info";

// The image built here (npm run image) run as a Kubernetes node would run it: non-root, read-only
// root with tmpfs where it writes, HOSTNAME set to the pod's name, and stopped with SIGTERM.
const POD_NAME = "signalboard-7d9f8c-x2x9q";
const FLEET = ["cart", "catalog", "checkout", "frontend", "inventory", "payments", "recommendations"];
const url = `http://127.0.0.1:${EXTRA_PORTS.container}`;

/** A proxy to the shared stack's Prometheus that holds each request `delayMs` first: requests in flight on demand. */
function slowProxy(): { server: Server; delayMs: number; held: number } {
  const upstream = new URL(stack().prometheusUrl);
  const proxy = {
    delayMs: 0,
    held: 0,
    server: createServer((req, res) => {
      proxy.held++;
      setTimeout(() => {
        proxy.held--;
        const up = request(
          { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        up.on("error", () => res.destroy());
        req.pipe(up);
      }, proxy.delayMs);
    }),
  };
  proxy.server.listen(EXTRA_PORTS.slowProxy, "127.0.0.1");
  return proxy;
}

let dir: string;
let proxy: ReturnType<typeof slowProxy>;
let container: Container | undefined;

beforeAll(async () => {
  dir = scratchDir("image");
  proxy = slowProxy();
  const image = buildImage(resolve(__dirname, "../.."), dir);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(
    `image built in ${image.seconds.toFixed(1)} s: layers ${mb(image.layerBytes)} compressed, root file system ${mb(image.rootfsBytes)}`,
  );
  const { bundle, spec } = unpack(`${image.layout}:${IMAGE_TAG}`, dir);
  // What the image itself says, before the runtime's changes below.
  expect(spec.process.user).toEqual({ uid: 65532, gid: 65532 });
  expect(spec.process.cwd).toBe("/app");
  expect(spec.process.args).toEqual(["/usr/bin/tini", "--", "/usr/local/bin/node", "scripts/start.mjs"]);
  expect(spec.process.env).toContain("HOSTNAME=0.0.0.0");

  // The pod's view: read-only root, tmpfs (emptyDir) where the app writes, a mounted config file, the
  // pod's name in HOSTNAME. The host's network, so that it reaches the test Prometheus on 127.0.0.1.
  const configFile = join(dir, "config.yaml");
  writeFileSync(configFile, "prometheus:\n  scrapeIntervalSeconds: 5\ncache:\n  keepWarmSeconds: 0\n");
  spec.process.terminal = false;
  spec.root.readonly = true;
  spec.linux.namespaces = spec.linux.namespaces.filter((ns) => ns.type !== "network");
  spec.mounts.push(
    { destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777", "size=64m"] },
    {
      destination: "/app/.next/cache",
      type: "tmpfs",
      source: "tmpfs",
      options: ["nosuid", "nodev", "mode=0755", "uid=65532", "gid=65532", "size=64m"],
    },
    { destination: "/etc/signalboard/config.yaml", type: "bind", source: configFile, options: ["bind", "ro"] },
  );
  const replaced = ["HOSTNAME", "PORT", "PROMETHEUS_URL"];
  spec.process.env = [
    ...spec.process.env.filter((e) => !replaced.includes(e.split("=")[0] ?? "")),
    `HOSTNAME=${POD_NAME}`,
    `PORT=${EXTRA_PORTS.container}`,
    `PROMETHEUS_URL=http://127.0.0.1:${EXTRA_PORTS.slowProxy}`,
  ];
  container = start(`signalboard-image-test-${TEST_PORT_OFFSET}`, bundle, spec, join(dir, "container.log"));
  await waitForHttp(`${url}/api/health`, container.child, 30_000);
});

afterAll(async () => {
  await container?.remove();
  await new Promise((done) => proxy?.server.close(done));
  for (const sub of ["bundle", "oci", "stage"]) rmSync(join(dir, sub), { recursive: true, force: true });
});

const running = () => {
  if (!container) throw new Error("the container did not start");
  return container;
};

describe("the container image under crun", () => {
  it("runs tini and node as uid 65532, not root", () => {
    const { init, app } = running().pids();
    const status = (pid: number) => readProc(pid, "status");
    expect(status(init)).toMatch(/^Name:\s+tini$/m);
    expect(status(init)).toMatch(/^Uid:\s+65532\s+65532\s+65532\s+65532$/m);
    expect(status(app)).toMatch(/^Uid:\s+65532\s+65532\s+65532\s+65532$/m);
    expect(status(app)).toMatch(/^Gid:\s+65532\s+65532\s+65532\s+65532$/m);
  });

  it("cannot write its root file system, only /tmp and the Next cache", () => {
    const script = `const fs = require("fs"); const out = {};
      for (const p of ["/x", "/app/server.js", "/etc/signalboard/config.yaml", "/tmp/x", "/app/.next/cache/x"]) {
        try { fs.writeFileSync(p, "x"); out[p] = "written"; } catch (e) { out[p] = e.code; } }
      console.log(JSON.stringify(out));`;
    const r = running().exec(["/usr/local/bin/node", "-e", script], "65532:65532");
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      "/x": "EROFS",
      "/app/server.js": "EROFS",
      "/etc/signalboard/config.yaml": "EROFS",
      "/tmp/x": "written",
      "/app/.next/cache/x": "written",
    });
  });

  it("answers /api/health on every interface while HOSTNAME is the pod's name", async () => {
    expect(readProc(running().pids().app, "environ").split("\0")).toContain(`HOSTNAME=${POD_NAME}`);
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("serves the services of the test Prometheus", async () => {
    const at = Math.floor(Date.now() / 1000) - 12;
    const res = await fetch(`${url}/api/v1/services?at=${at}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ServicesResponse;
    expect(body.services.map((s) => s.name)).toEqual(expect.arrayContaining(FLEET));
    const [checkout] = await promQuery(
      `sum(rate(http_request_duration_seconds_count{job="checkout"}[${body.window}s]))`,
      body.at,
    );
    const ours = body.services.find((s) => s.name === "checkout" && s.convention === "prom-client");
    expect(ours?.requestRate).toBeCloseTo(Number(checkout?.value[1]), 6);
  });

  // Last: it stops the container.
  it("on SIGTERM answers the request in flight, then exits within 10 s", async () => {
    proxy.delayMs = 2_000;
    // Another instant than above, so that the answer is not cached: it waits on the slow upstream.
    const at = Math.floor(Date.now() / 1000) - 30;
    const answer = fetch(`${url}/api/v1/services?at=${at}`).then(async (res) => ({
      status: res.status,
      services: ((await res.json()) as ServicesResponse).services.length,
      at: Date.now(),
    }));
    while (proxy.held === 0) await new Promise((r) => setTimeout(r, 50));
    const killed = Date.now();
    running().kill("TERM");
    const { status, services, at: answered } = await answer;
    const code = await running().child.exited;
    const stopped = Date.now();
    console.log(`SIGTERM: answered after ${answered - killed} ms, stopped after ${stopped - killed} ms`);
    expect([status, services > 0]).toEqual([200, true]);
    expect(answered).toBeGreaterThan(killed + 1_000);
    expect(stopped - killed).toBeLessThan(10_000);
    // Exited once the answer was out (not at the 9 s shutdown guard), by Next's own SIGTERM path: 128 + 15.
    expect(stopped - answered).toBeLessThan(2_000);
    expect(code).toBe(143);
  });
});

function readProc(pid: number, file: "status" | "environ"): string {
  return readFileSync(`/proc/${pid}/${file}`, "utf8");
}
