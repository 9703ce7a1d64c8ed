import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stack } from "./helpers";
import { INTEGRATION_DASHBOARD_PORT } from "./stack-info";

const root = resolve(__dirname, "../..");
// Within this checkout's port band (TEST_PORT_OFFSET moves bands by hundreds).
const PORT = INTEGRATION_DASHBOARD_PORT + 50;

/** Local addresses listening on a TCP port, from the kernel's socket tables (IPv4 and IPv6), as hex. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // state 0A is LISTEN
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A")
      .map((f) => f[1]?.split(":")[0] ?? ""),
  );
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
  child = undefined;
});

describe("npm start", () => {
  it("binds 127.0.0.1 by default, whatever HOSTNAME the shell sets, and says so", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(PORT),
      PROMETHEUS_URL: stack().prometheusUrl,
      HOSTNAME: "0.0.0.0",
    };
    delete env.SIGNALBOARD_HOST;
    child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: root,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const health = () =>
      fetch(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
    await expect.poll(health, { timeout: 30_000, interval: 500 }).toBe(200);
    // 0100007F is 127.0.0.1; 00000000 (or the IPv6 any-address) would be every interface.
    expect(listeners(PORT)).toEqual(["0100007F"]);
    expect(output).toContain(`listening on 127.0.0.1:${PORT} only`);
  }, 60_000);
});
