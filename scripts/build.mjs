// `npm run build`: next build without Next's telemetry (and its first-run notice), then the
// standalone server's assets. A node script, so the variable is set on every platform.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const [script, args] of [
  [next, ["build", ...process.argv.slice(2)]],
  [fileURLToPath(new URL("copy-standalone-assets.mjs", import.meta.url)), []],
]) {
  const result = spawnSync(process.execPath, [script, ...args], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
