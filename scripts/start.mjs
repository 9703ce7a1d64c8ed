// `npm start`: serve the built dashboard (next build, output: standalone) against PROMETHEUS_URL.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const server = fileURLToPath(new URL("../.next/standalone/server.js", import.meta.url));
if (!existsSync(server)) {
  console.error("signalboard: no build found; run `npm run build` first");
  process.exit(1);
}
// Shells set HOSTNAME to the machine's name; the standalone server would bind to that alone.
process.env.HOSTNAME = process.env.SIGNALBOARD_HOST ?? "0.0.0.0";
process.env.PORT ??= "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// The standalone server changes into its own folder: a relative config path must be resolved first.
if (process.env.SIGNALBOARD_CONFIG) process.env.SIGNALBOARD_CONFIG = resolve(process.env.SIGNALBOARD_CONFIG);
await import(server);
