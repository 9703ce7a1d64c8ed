// Load on loopback with wrk, and the dashboard's memory before, during and after.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { StackError } from "../demo/ports";
import { findOnPath, spawnGroup, type Child } from "../demo/processes";
import { cpuSeconds, rssMiB } from "./procfs";
import { running, sleep, track } from "./stack";

const TIMEOUT_SECONDS = 10;

export interface LoadResult {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Responses wrk saw, including those slower than its timeout (which have no latency recorded). */
  requests: number;
  requestsPerSecond: number;
  /** 2xx responses per second (counted by wrk-report.lua, whatever their latency). */
  okPerSecond: number;
  timeoutSeconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  rssMiB: { before: number | null; peak: number | null; after: number | null };
  /** The dashboard's CPU time (all threads) during the run, and per response. */
  dashboardCpuSeconds: number | null;
  dashboardCpuMsPerRequest: number | null;
  /** 1-minute load average of the machine at the end of the run (other work included). */
  loadAverage: number;
}

interface WrkReport {
  requests: number;
  ok2xx: number;
  durationUs: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
}

export async function runLoad(o: {
  url: string;
  connections: number;
  durationSeconds: number;
  pid: number;
  logDir: string;
  root: string;
  log: (s: string) => void;
}): Promise<LoadResult> {
  const wrk = findOnPath("wrk");
  if (!wrk) throw new StackError("wrk must be on PATH (Debian: apt-get install wrk)");
  const logFile = join(o.logDir, `wrk-${Date.now()}.log`);
  const before = rssMiB(o.pid);
  const cpuBefore = cpuSeconds(o.pid);
  const args = [
    "-t1",
    `-c${o.connections}`,
    `-d${o.durationSeconds}s`,
    "--timeout",
    `${TIMEOUT_SECONDS}s`,
    "-s",
    join(o.root, "bench", "wrk-report.lua"),
    o.url,
  ];
  o.log(`  wrk ${args.join(" ")}`);
  const child: Child = track(spawnGroup("wrk", wrk, args, { logFile }));
  let peak = before ?? 0;
  // Sample RSS once a second while wrk runs (bounded by its duration plus a margin).
  const until = Date.now() + (o.durationSeconds + 30) * 1000;
  while (!child.hasExited() && Date.now() < until) {
    peak = Math.max(peak, rssMiB(o.pid) ?? 0);
    await Promise.race([child.exited, sleep(1000)]);
  }
  const code = await child.exited;
  running.delete(child);
  const cpuAfter = cpuSeconds(o.pid);
  const loadAverage = loadavg()[0] ?? NaN;
  await sleep(5000); // let in-flight work drain before the "after" sample
  const after = rssMiB(o.pid);
  const out = readFileSync(logFile, "utf8");
  const line = /^BENCH_JSON (.*)$/m.exec(out);
  if (!line?.[1]) throw new StackError(`wrk exited with ${code} and no report; see ${logFile}`);
  const r = JSON.parse(line[1]) as WrkReport;
  return {
    url: o.url,
    connections: o.connections,
    durationSeconds: o.durationSeconds,
    requests: r.requests,
    requestsPerSecond: r.requests / (r.durationUs / 1e6),
    okPerSecond: r.ok2xx / (r.durationUs / 1e6),
    timeoutSeconds: TIMEOUT_SECONDS,
    latencyMs: {
      p50: r.p50Us / 1000,
      p95: r.p95Us / 1000,
      p99: r.p99Us / 1000,
      max: r.maxUs / 1000,
      mean: r.meanUs / 1000,
    },
    non2xx: r.status,
    socketErrors: { connect: r.connect, read: r.read, write: r.write, timeout: r.timeout },
    rssMiB: { before, peak: Math.max(peak, after ?? 0) || null, after },
    dashboardCpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    dashboardCpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && r.requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / r.requests : null,
    loadAverage,
  };
}
