// `npm start`: serve the built dashboard (next build, output: standalone) against PROMETHEUS_URL.
// It binds 127.0.0.1 unless SIGNALBOARD_HOST says otherwise: signalboard has no login of its own
// yet, so whoever reaches the port sees every service, node and alert (README "Who can see it").
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

// From a checkout, the build's standalone server; in the image (Dockerfile), the standalone folder is /app, this is /app/scripts.
const server = ["../.next/standalone/server.js", "../server.js"]
  .map((path) => fileURLToPath(new URL(path, import.meta.url)))
  .find(existsSync);
if (!server) {
  console.error("signalboard: no build found; run `npm run build` first");
  process.exit(1);
}
const host = process.env.SIGNALBOARD_HOST || "127.0.0.1";
// Shells set HOSTNAME to the machine's name, which the standalone server would bind to: always set it.
process.env.HOSTNAME = host;
process.env.PORT ??= "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const loopback = host === "localhost" || host === "::1" || host.startsWith("127.");
console.log(
  loopback
    ? `signalboard: listening on ${host}:${process.env.PORT} only (this machine); set SIGNALBOARD_HOST=0.0.0.0 to serve others, behind an authenticating proxy`
    : `signalboard: listening on ${host}:${process.env.PORT} with no authentication: anyone who reaches this port sees all dashboards; put an authenticating proxy in front`,
);
// The standalone server changes into its own folder: a relative config path must be resolved first.
if (process.env.SIGNALBOARD_CONFIG) process.env.SIGNALBOARD_CONFIG = resolve(process.env.SIGNALBOARD_CONFIG);
await import(server);
