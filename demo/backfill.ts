// Fills a fresh demo Prometheus with a day of history (demo/history.ts) before it starts, so the
// 24 h and 7 d views and the sparklines show trends at once. `promtool tsdb create-blocks-from
// openmetrics` turns each two-hour window into a block while the next window is being written.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { historyWindows, pastIncidents } from "./history";
import type { PortMap } from "./ports";
import { findOnPath } from "./processes";

export const HISTORY_HOURS = 26;

export interface BackfillResult {
  blocks: number;
  seconds: number;
  end: number; // unix seconds of the last backfilled sample
}

/** True when Prometheus has never written to this TSDB folder (no WAL, no blocks). */
export function isEmptyTsdb(tsdbDir: string): boolean {
  return !existsSync(tsdbDir) || readdirSync(tsdbDir).every((name) => name === "lock" || name === "queries.active");
}

function promtool(bin: string, input: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["tsdb", "create-blocks-from", "openmetrics", "--quiet", input, output], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`promtool failed on ${input} (code ${code}): ${stderr.trim().slice(-500)}`)),
    );
  });
}

/**
 * Writes HISTORY_HOURS of history ending now into tsdbDir (which Prometheus must not be using yet).
 * Returns undefined, doing nothing, when the folder already holds data or promtool is missing.
 */
export async function backfillHistory(o: {
  ports: PortMap;
  dataDir: string;
  tsdbDir: string;
  log: (line: string) => void;
}): Promise<BackfillResult | undefined> {
  if (!isEmptyTsdb(o.tsdbDir)) return undefined;
  const bin = findOnPath("promtool");
  if (!bin) {
    o.log("no history: promtool is not on PATH (Debian: it comes with the prometheus package)");
    return undefined;
  }
  const started = Date.now();
  // Live samples come after this; Prometheus refuses samples older than its newest block.
  const end = Math.floor(Date.now() / 1000) - 1;
  const work = join(o.dataDir, "history");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "blocks"), { recursive: true });
  try {
    let pending: Promise<void> = Promise.resolve();
    let n = 0;
    for (const window of historyWindows({ ports: o.ports, end, hours: HISTORY_HOURS, incidents: pastIncidents(end) })) {
      const file = join(work, `window-${n++}.om`);
      writeFileSync(file, window.text);
      await pending; // at most one promtool at a time, beside the next window's generation
      pending = promtool(bin, file, join(work, "blocks")).then(() => rmSync(file));
    }
    await pending;
    mkdirSync(o.tsdbDir, { recursive: true });
    const blocks = readdirSync(join(work, "blocks"));
    for (const block of blocks) renameSync(join(work, "blocks", block), join(o.tsdbDir, block));
    return { blocks: blocks.length, seconds: (Date.now() - started) / 1000, end };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
