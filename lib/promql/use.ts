import { formatDuration } from "@/lib/time/parse-time";
import { equalityMatchers, selector, type Matcher } from "./escape";
import { anyOf, setLabel } from "./labels";

// USE (utilization, saturation, errors) per node, after the node-exporter mixin's recording rules
// (node_exporter docs/node-mixin/rules) and its "USE Method / Node" dashboard. Every expression is
// aggregated `by (instance)`, so the number of queries never depends on the number of nodes.

/** The label that tells the parts of a combined query apart. */
export const SIGNAL = "signal";
/** The mixin's `diskDeviceSelector`: real block devices, not loop, ram or zram devices. */
const DISK_DEVICES = "(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)";
/** Filesystems that hold no data of their own; left out of space and fill-up figures. */
const PSEUDO_FILESYSTEMS = "tmpfs|ramfs|overlay|squashfs|nsfs|fuse.lxcfs";
/** How far back the fill-up trend looks, as in the mixin's NodeFilesystemSpaceFillingUp alert. */
const FILL_TREND_SECONDS = 6 * 3600;

/** Values of the `signal` label in `nodeUseSignals`. */
export const USE_SIGNAL = {
  up: "up",
  uname: "uname",
  cpuUtilization: "cpu_utilization",
  cpuSaturation: "cpu_saturation",
  memoryUtilization: "memory_utilization",
  memorySaturation: "memory_saturation",
  diskUtilization: "disk_utilization",
  diskSaturation: "disk_saturation",
  networkReceive: "network_receive_bytes",
  networkTransmit: "network_transmit_bytes",
  networkErrors: "network_errors",
} as const;

/** Values of the `signal` label in `filesystemSignals`. */
export const FS_SIGNAL = { usedRatio: "fs_used_ratio", timeToFull: "fs_time_to_full" } as const;

export interface NodeScope {
  /** The rate window in seconds. */
  window: number;
  /** Equality matchers that select node_exporter series, e.g. `{job: "node"}`. */
  selector: Readonly<Record<string, string>>;
  /** Restrict to one node_exporter instance. */
  instance?: string;
}

function matchers(scope: NodeScope, extra: readonly Matcher[] = []): Matcher[] {
  const m = equalityMatchers({ ...scope.selector });
  if (scope.instance !== undefined) m.push({ label: "instance", op: "=", value: scope.instance });
  return [...m, ...extra];
}

function nodeSeries(metric: string, scope: NodeScope, extra: readonly Matcher[] = []): string {
  return selector(metric, matchers(scope, extra));
}

function rateOf(metric: string, scope: NodeScope, extra: readonly Matcher[] = []): string {
  return `rate(${nodeSeries(metric, scope, extra)}[${formatDuration(scope.window)}])`;
}

const NOT_LOOPBACK: Matcher = { label: "device", op: "!=", value: "lo" };
const DISK: Matcher = { label: "device", op: "=~", value: DISK_DEVICES };
const REAL_FILESYSTEM: Matcher[] = [
  { label: "fstype", op: "!~", value: PSEUDO_FILESYSTEMS },
  { label: "mountpoint", op: "!=", value: "" },
];

/** Whether node_exporter answers its scrape (1) or not (0), by instance. */
export function nodeUp(scope: NodeScope): string {
  return `max by (instance) (${nodeSeries("up", scope)})`;
}

/** The kernel's node name of each instance (value 1, `nodename` label), to map Kubernetes nodes. */
export function nodeUname(scope: NodeScope): string {
  return `max by (instance, nodename) (${nodeSeries("node_uname_info", scope)})`;
}

/** Share of CPU time not idle, waiting for I/O or stolen, 0..1, averaged over the node's CPUs. */
export function cpuUtilization(scope: NodeScope): string {
  const idle = rateOf("node_cpu_seconds_total", scope, [{ label: "mode", op: "=~", value: "idle|iowait|steal" }]);
  return `1 - avg by (instance) (sum by (instance, cpu) (${idle}))`;
}

/** 1-minute load average per CPU; over 1 means runnable tasks wait for a CPU. */
export function cpuSaturation(scope: NodeScope): string {
  return `sum by (instance) (${nodeSeries("node_load1", scope)}) / count by (instance) (${nodeSeries("node_cpu_seconds_total", scope, [{ label: "mode", op: "=", value: "idle" }])})`;
}

/** 1 − available / total memory, 0..1. */
export function memoryUtilization(scope: NodeScope): string {
  return `1 - sum by (instance) (${nodeSeries("node_memory_MemAvailable_bytes", scope)}) / sum by (instance) (${nodeSeries("node_memory_MemTotal_bytes", scope)})`;
}

/** Major page faults per second: memory pages read back from disk. */
export function memorySaturation(scope: NodeScope): string {
  return `sum by (instance) (${rateOf("node_vmstat_pgmajfault", scope)})`;
}

/** Share of time the busiest disk had I/O in flight, 0..1. */
export function diskUtilization(scope: NodeScope): string {
  return `max by (instance) (${rateOf("node_disk_io_time_seconds_total", scope, [DISK])})`;
}

/** Weighted I/O seconds per second of the busiest disk: roughly its average queue length. */
export function diskSaturation(scope: NodeScope): string {
  return `max by (instance) (${rateOf("node_disk_io_time_weighted_seconds_total", scope, [DISK])})`;
}

/** Bytes received per second on all interfaces but loopback. */
export function networkReceiveBytes(scope: NodeScope): string {
  return `sum by (instance) (${rateOf("node_network_receive_bytes_total", scope, [NOT_LOOPBACK])})`;
}

/** Bytes sent per second on all interfaces but loopback. */
export function networkTransmitBytes(scope: NodeScope): string {
  return `sum by (instance) (${rateOf("node_network_transmit_bytes_total", scope, [NOT_LOOPBACK])})`;
}

/** Receive and transmit errors and drops per second on all interfaces but loopback. */
export function networkErrors(scope: NodeScope): string {
  const metrics = [
    "node_network_receive_errs_total",
    "node_network_transmit_errs_total",
    "node_network_receive_drop_total",
    "node_network_transmit_drop_total",
  ];
  return metrics.map((m) => `sum by (instance) (${rateOf(m, scope, [NOT_LOOPBACK])})`).join(" + ");
}

/**
 * Every per-node USE value in one query, told apart by the `signal` label (see USE_SIGNAL), so the
 * overview costs one upstream query whatever the number of nodes. `uname` (for the Kubernetes
 * mapping) is left out of range queries, where it would only repeat a constant.
 */
export function nodeUseSignals(scope: NodeScope, opts: { uname: boolean }): string {
  const parts: [string, string][] = [
    [USE_SIGNAL.up, nodeUp(scope)],
    [USE_SIGNAL.cpuUtilization, cpuUtilization(scope)],
    [USE_SIGNAL.cpuSaturation, cpuSaturation(scope)],
    [USE_SIGNAL.memoryUtilization, memoryUtilization(scope)],
    [USE_SIGNAL.memorySaturation, memorySaturation(scope)],
    [USE_SIGNAL.diskUtilization, diskUtilization(scope)],
    [USE_SIGNAL.diskSaturation, diskSaturation(scope)],
    [USE_SIGNAL.networkReceive, networkReceiveBytes(scope)],
    [USE_SIGNAL.networkTransmit, networkTransmitBytes(scope)],
    [USE_SIGNAL.networkErrors, networkErrors(scope)],
  ];
  if (opts.uname) parts.push([USE_SIGNAL.uname, nodeUname(scope)]);
  return anyOf(parts.map(([signal, expr]) => setLabel(expr, SIGNAL, signal)));
}

/** Used share of each real filesystem (1 − available / size), by instance, device and mountpoint. */
export function filesystemUsedRatio(scope: NodeScope): string {
  const by = "max by (instance, device, mountpoint)";
  return `1 - ${by} (${nodeSeries("node_filesystem_avail_bytes", scope, REAL_FILESYSTEM)}) / ${by} (${nodeSeries("node_filesystem_size_bytes", scope, REAL_FILESYSTEM)})`;
}

/**
 * Seconds until each real filesystem is full at the rate its free space fell over the last 6 h;
 * no value where free space is not falling.
 */
export function filesystemTimeToFull(scope: NodeScope): string {
  const avail = nodeSeries("node_filesystem_avail_bytes", scope, REAL_FILESYSTEM);
  return `min by (instance, device, mountpoint) (${avail} / (-deriv(${avail}[${formatDuration(FILL_TREND_SECONDS)}]) > 0))`;
}

/** Used ratio and time to full of every filesystem in one query, told apart by `signal` (see FS_SIGNAL). */
export function filesystemSignals(scope: NodeScope): string {
  return anyOf([
    setLabel(filesystemUsedRatio(scope), SIGNAL, FS_SIGNAL.usedRatio),
    setLabel(filesystemTimeToFull(scope), SIGNAL, FS_SIGNAL.timeToFull),
  ]);
}
