import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { startDashboard } from "../../demo/dashboard";
import { stopGroup } from "../../demo/processes";

/** A port nothing listens on at the moment it is returned: the kernel's pick, released at once. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * A second built dashboard, beside the stack's, pointed at `prometheusUrl`: for a misconfigured
 * upstream, which the shared stack cannot be made into. Stop it when done.
 */
export async function startSecondDashboard(prometheusUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = resolve(__dirname, "../..");
  const dir = join(root, ".tmp", "e2e-second-dashboard");
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = await startDashboard({ root, port, prometheusUrl, logFile: join(dir, "dashboard.log") });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
}
