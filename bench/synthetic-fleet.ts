// The synthetic fleet the bench scrapes: N services instrumented the prom-client way (RED
// histograms) and M hosts shaped like node_exporter. One process speaks for all of them, so every
// series carries its own `job` and `instance` and Prometheus scrapes it with `honor_labels: true`.
//
// Values are pure functions of the scrape time (no state): counters grow every scrape, at a rate
// that wobbles a little so that rate() is not a flat line, and never go down.

export const ROUTES = [
  { route: "/api/items", weight: 0.5, latency: 1 },
  { route: "/api/orders", weight: 0.3, latency: 1.4 },
  { route: "/healthz", weight: 0.2, latency: 0.2 },
] as const;

export const STATUS_CODES = ["200", "404", "500"] as const;
type StatusCode = (typeof STATUS_CODES)[number];

/** prom-client's default buckets. */
export const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const HISTOGRAM = "http_request_duration_seconds";
const CPU_MODES = ["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"] as const;
const CPUS = 4;
const GIB = 1024 ** 3;
/** Counters start as if every process had been up for an hour. */
const UPTIME_AT_START = 3600;

export const serviceName = (i: number) => `svc-${String(i + 1).padStart(4, "0")}`;
export const nodeInstance = (i: number) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}:9100`;

/** A deterministic pseudo-random number in [0, 1) for (i, salt). */
function hash01(i: number, salt: number): number {
  let x = (i + 1) * 374761393 + salt * 668265263;
  x = (x ^ (x >>> 13)) * 1274126177;
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/** Most services are healthy; every 7th is degraded (3 % errors), every 17th failing (8 %). */
function errorShareOf(s: number): number {
  if (s % 17 === 16) return 0.08;
  if (s % 7 === 6) return 0.03;
  return 0.002 + 0.006 * hash01(s, 2);
}

// Abramowitz–Stegun 7.1.26; plenty for bucket shares.
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

/** Share of requests at or below `le` seconds for a log-normal latency with this median. */
function logNormalCdf(le: number, medianSeconds: number, sigma: number): number {
  return 0.5 * (1 + erf((Math.log(le) - Math.log(medianSeconds)) / (sigma * Math.SQRT2)));
}

const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(",");

/** Seconds of "uptime" at wall time `now` (ms), wobbling ±10 % in speed with the given phase. */
function wobbly(elapsed: number, phase: number): number {
  return elapsed + 3 * Math.sin(elapsed / 30 + phase);
}

interface HistogramSeries {
  /** Requests per second on average. */
  rate: number;
  phase: number;
  /** Cumulative bucket shares, one per BUCKETS entry. */
  shares: number[];
  meanSeconds: number;
  /** The fixed text before each value: `name{labels,le="…"} `. */
  bucketPrefixes: string[];
  infPrefix: string;
  sumPrefix: string;
  countPrefix: string;
}

interface NodeSpec {
  labels: string; // job="node",instance="…"
  instance: string;
  nodename: string;
  cpuBusy: number;
  memUsed: number;
  majFaults: number;
  diskBusy: number;
  diskQueue: number;
  rx: number;
  tx: number;
  errs: number;
  fsFill: number;
  phase: number;
}

export interface FleetOptions {
  services: number;
  nodes: number;
  /** Wall-clock ms at which the fleet "started"; counters grow from there. */
  startedAt?: number;
}

export class SyntheticFleet {
  private readonly histograms: HistogramSeries[] = [];
  private readonly serviceUp: string[] = [];
  private readonly nodes: NodeSpec[] = [];
  private readonly startedAt: number;

  constructor(readonly options: FleetOptions) {
    this.startedAt = options.startedAt ?? Date.now();
    for (let s = 0; s < options.services; s++) this.addService(s);
    for (let n = 0; n < options.nodes; n++) this.addNode(n);
  }

  /** Series exposed per service: 3 routes × 3 codes × (buckets + +Inf + sum + count), plus up. */
  static seriesPerService(): number {
    return ROUTES.length * STATUS_CODES.length * (BUCKETS.length + 3) + 1;
  }

  private addService(s: number): void {
    const job = serviceName(s);
    const instance = `10.1.${Math.floor(s / 250)}.${(s % 250) + 1}:8080`;
    const rate = 1 + 49 * hash01(s, 1);
    const errorShare = errorShareOf(s);
    // Each code's share of a route's requests and its latency relative to the route's.
    const shares: Record<StatusCode, number> = { "200": 1 - errorShare - 0.03, "404": 0.03, "500": errorShare };
    const latencies: Record<StatusCode, number> = { "200": 1, "404": 0.3, "500": 1.5 };
    // Median latency 20–200 ms; every 23rd service is slow.
    const medianLatency = s % 23 === 22 ? 0.6 : 0.02 + 0.18 * hash01(s, 3);
    this.serviceUp.push(`up{job="${esc(job)}",instance="${instance}"} 1`);
    for (const r of ROUTES) {
      for (const code of STATUS_CODES) {
        const share = shares[code];
        const m = medianLatency * r.latency * latencies[code];
        const sigma = 0.6;
        const labels = labelText({ job, instance, method: "GET", route: r.route, status_code: code });
        this.histograms.push({
          rate: rate * r.weight * share,
          phase: hash01(s, 4) * 2 * Math.PI,
          shares: BUCKETS.map((le) => logNormalCdf(le, m, sigma)),
          meanSeconds: m * Math.exp((sigma * sigma) / 2),
          bucketPrefixes: BUCKETS.map((le) => `${HISTOGRAM}_bucket{${labels},le="${le}"} `),
          infPrefix: `${HISTOGRAM}_bucket{${labels},le="+Inf"} `,
          sumPrefix: `${HISTOGRAM}_sum{${labels}} `,
          countPrefix: `${HISTOGRAM}_count{${labels}} `,
        });
      }
    }
  }

  private addNode(n: number): void {
    const instance = nodeInstance(n);
    this.nodes.push({
      labels: `job="node",instance="${instance}"`,
      instance,
      nodename: `node-${String(n + 1).padStart(3, "0")}`,
      cpuBusy: 0.05 + 0.85 * hash01(n, 11),
      memUsed: 0.2 + 0.75 * hash01(n, 12),
      majFaults: n % 13 === 12 ? 150 : 2 * hash01(n, 13),
      diskBusy: 0.01 + 0.6 * hash01(n, 14),
      diskQueue: 0.01 + 2 * hash01(n, 15),
      rx: 1e5 + 5e7 * hash01(n, 16),
      tx: 1e5 + 3e7 * hash01(n, 17),
      errs: n % 11 === 10 ? 3 : 0,
      fsFill: n % 9 === 8 ? 2e5 : 0,
      phase: hash01(n, 18) * 2 * Math.PI,
    });
  }

  private elapsed(now: number): number {
    return UPTIME_AT_START + (now - this.startedAt) / 1000;
  }

  /** The services' exposition (prom-client histograms and one `up` per service). */
  servicesText(now = Date.now()): string {
    const e = this.elapsed(now);
    const out: string[] = [`# HELP ${HISTOGRAM} Duration of HTTP requests in seconds`, `# TYPE ${HISTOGRAM} histogram`];
    for (const h of this.histograms) {
      const count = Math.floor(h.rate * wobbly(e, h.phase));
      for (let i = 0; i < h.bucketPrefixes.length; i++)
        out.push(h.bucketPrefixes[i] + String(Math.floor(count * (h.shares[i] ?? 1))));
      out.push(h.infPrefix + count, h.sumPrefix + (count * h.meanSeconds).toFixed(3), h.countPrefix + count);
    }
    out.push("# HELP up Whether the service answered its last scrape.", "# TYPE up gauge", ...this.serviceUp);
    return `${out.join("\n")}\n`;
  }

  /** node_exporter-shaped series for every node. */
  nodesText(now = Date.now()): string {
    const e = this.elapsed(now);
    const families = new Map<string, { type: string; lines: string[] }>();
    const add = (name: string, type: "counter" | "gauge", extra: string, value: number) => {
      let f = families.get(name);
      if (!f) families.set(name, (f = { type, lines: [] }));
      f.lines.push(`${name}{${extra}} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
    };
    for (const n of this.nodes) {
      const t = wobbly(e, n.phase);
      const l = n.labels;
      add("up", "gauge", l, 1);
      add("node_uname_info", "gauge", `${l},nodename="${n.nodename}",sysname="Linux",release="6.1.0-bench"`, 1);
      for (let cpu = 0; cpu < CPUS; cpu++) {
        const busy = n.cpuBusy;
        const share: Record<(typeof CPU_MODES)[number], number> = {
          idle: 1 - busy - 0.02,
          iowait: 0.02,
          irq: 0.002 * busy,
          nice: 0,
          softirq: 0.03 * busy,
          steal: 0,
          system: 0.3 * busy,
          user: 0.668 * busy,
        };
        for (const mode of CPU_MODES)
          add("node_cpu_seconds_total", "counter", `${l},cpu="${cpu}",mode="${mode}"`, share[mode] * t);
      }
      add("node_load1", "gauge", l, CPUS * n.cpuBusy * (1.1 + 0.2 * Math.sin(e / 45 + n.phase)));
      add("node_memory_MemTotal_bytes", "gauge", l, 16 * GIB);
      add("node_memory_MemAvailable_bytes", "gauge", l, Math.round(16 * GIB * (1 - n.memUsed)));
      add("node_vmstat_pgmajfault", "counter", l, Math.floor(n.majFaults * t));
      for (const [device, f] of [
        ["sda", 1],
        ["nvme0n1", 0.4],
      ] as const) {
        add("node_disk_io_time_seconds_total", "counter", `${l},device="${device}"`, n.diskBusy * f * t);
        add("node_disk_io_time_weighted_seconds_total", "counter", `${l},device="${device}"`, n.diskQueue * f * t);
      }
      for (const [device, f] of [
        ["eth0", 1],
        ["lo", 0.1],
      ] as const) {
        const d = `${l},device="${device}"`;
        add("node_network_receive_bytes_total", "counter", d, Math.floor(n.rx * f * t));
        add("node_network_transmit_bytes_total", "counter", d, Math.floor(n.tx * f * t));
        add("node_network_receive_errs_total", "counter", d, Math.floor(n.errs * f * t));
        add("node_network_transmit_errs_total", "counter", d, 0);
        add("node_network_receive_drop_total", "counter", d, Math.floor(n.errs * 0.5 * f * t));
        add("node_network_transmit_drop_total", "counter", d, 0);
      }
      const size = 200 * GIB;
      const avail = Math.max(0, Math.round(size * 0.4 - n.fsFill * (e - UPTIME_AT_START)));
      add("node_filesystem_size_bytes", "gauge", `${l},device="/dev/sda1",mountpoint="/",fstype="ext4"`, size);
      add("node_filesystem_avail_bytes", "gauge", `${l},device="/dev/sda1",mountpoint="/",fstype="ext4"`, avail);
      add("node_filesystem_size_bytes", "gauge", `${l},device="tmpfs",mountpoint="/run",fstype="tmpfs"`, 2 * GIB);
      add("node_filesystem_avail_bytes", "gauge", `${l},device="tmpfs",mountpoint="/run",fstype="tmpfs"`, 1.9 * GIB);
    }
    const out: string[] = [];
    for (const [name, f] of families)
      out.push(`# HELP ${name} Synthetic node_exporter series.`, `# TYPE ${name} ${f.type}`, ...f.lines);
    return `${out.join("\n")}\n`;
  }
}
