import type {
  FilesystemSummary,
  KubernetesHealth,
  KubernetesNode,
  NodesResponse,
  NodeSummary,
} from "@/lib/model/node-types";
import type { QueryTimes } from "@/lib/model/query-times";

import type { InstantSeries } from "@/lib/prometheus/upstream";
import { KUBE_STATE_METRIC, kubernetesNodeSignals, kubernetesWorkloadSignals } from "@/lib/promql/kubernetes";
import { filesystemSignals, FS_SIGNAL, nodeUseSignals, SIGNAL, USE_SIGNAL, type NodeScope } from "@/lib/promql/use";
import type { SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import {
  compareKubernetesNodes,
  KUBERNETES_TOP,
  mapKubernetesNodes,
  parseKubernetesNodes,
  parseWorkloads,
} from "./kubernetes-health";
import { classifyNode, compareNodes } from "@/lib/model/node-status";

/** The USE values of one instance as read from `nodeUseSignals`, before status and naming. */
export interface NodeUse {
  instance: string;
  nodename?: string;
  up: boolean;
  cpu: NodeSummary["cpu"];
  memory: NodeSummary["memory"];
  disk: NodeSummary["disk"];
  network: NodeSummary["network"];
}

const emptyUse = (instance: string): NodeUse => ({
  instance,
  up: false,
  cpu: { utilization: null, saturation: null },
  memory: { utilization: null, saturation: null },
  disk: { utilization: null, saturation: null },
  network: { receiveBytesPerSecond: null, transmitBytesPerSecond: null, errorsPerSecond: null },
});

type Resource = "cpu" | "memory" | "disk" | "network";
/** A field of one resource's USE values: `["cpu", "utilization"]`. */
type UseField = { [R in Resource]: [R, keyof NodeUse[R]] }[Resource];

/** Where each USE signal's value goes in a node's values (`up` and `uname` are read apart). */
const USE_FIELDS: Record<string, UseField> = {
  [USE_SIGNAL.cpuUtilization]: ["cpu", "utilization"],
  [USE_SIGNAL.cpuSaturation]: ["cpu", "saturation"],
  [USE_SIGNAL.memoryUtilization]: ["memory", "utilization"],
  [USE_SIGNAL.memorySaturation]: ["memory", "saturation"],
  [USE_SIGNAL.diskUtilization]: ["disk", "utilization"],
  [USE_SIGNAL.diskSaturation]: ["disk", "saturation"],
  [USE_SIGNAL.networkReceive]: ["network", "receiveBytesPerSecond"],
  [USE_SIGNAL.networkTransmit]: ["network", "transmitBytesPerSecond"],
  [USE_SIGNAL.networkErrors]: ["network", "errorsPerSecond"],
};

/** Groups the series of `nodeUseSignals` by instance, sorted by instance. */
export function parseUseSignals(series: readonly InstantSeries[]): NodeUse[] {
  const out = new Map<string, NodeUse>();
  for (const s of series) {
    const instance = s.labels.instance;
    if (!instance) continue;
    const n = out.get(instance) ?? emptyUse(instance);
    out.set(instance, n);
    const signal = s.labels[SIGNAL] ?? "";
    const field = USE_FIELDS[signal];
    if (field) (n[field[0]] as Record<string, number | null>)[field[1]] = s.value;
    else if (signal === USE_SIGNAL.up) n.up = s.value === 1;
    else if (signal === USE_SIGNAL.uname && s.labels.nodename) n.nodename = s.labels.nodename;
  }
  return [...out.values()].sort((a, b) => a.instance.localeCompare(b.instance));
}

/** Groups the series of `filesystemSignals` by instance, each instance's list by mountpoint. */
export function parseFilesystems(series: readonly InstantSeries[]): Map<string, FilesystemSummary[]> {
  const byKey = new Map<string, { instance: string; fs: FilesystemSummary }>();
  for (const s of series) {
    const { instance, device, mountpoint } = s.labels;
    if (!instance || mountpoint === undefined) continue;
    const key = JSON.stringify([instance, device, mountpoint]);
    const entry = byKey.get(key) ?? {
      instance,
      fs: { mountpoint, device: device ?? "", usedRatio: null, timeToFullSeconds: null },
    };
    byKey.set(key, entry);
    if (s.labels[SIGNAL] === FS_SIGNAL.usedRatio) entry.fs.usedRatio = s.value;
    else if (s.labels[SIGNAL] === FS_SIGNAL.timeToFull) entry.fs.timeToFullSeconds = s.value;
  }
  const out = new Map<string, FilesystemSummary[]>();
  for (const { instance, fs } of byKey.values()) out.set(instance, [...(out.get(instance) ?? []), fs]);
  for (const list of out.values())
    list.sort((a, b) => a.mountpoint.localeCompare(b.mountpoint) || a.device.localeCompare(b.device));
  return out;
}

/** One node summary: named after its Kubernetes node where one maps to it, classified. */
export function summarizeNode(
  use: NodeUse,
  filesystems: FilesystemSummary[],
  k8s: KubernetesNode | undefined,
): NodeSummary {
  const base = {
    name: k8s?.node ?? use.instance,
    instance: use.instance,
    ...(k8s ? { kubernetesNode: k8s.node } : {}),
    up: use.up,
    cpu: use.cpu,
    memory: use.memory,
    disk: use.disk,
    network: use.network,
    filesystems,
    ...(k8s ? { conditions: k8s.conditions } : {}),
  };
  const verdict = classifyNode(base);
  return { ...base, status: verdict.status, statusReasons: verdict.reasons };
}

/** Joins USE values, filesystems and Kubernetes nodes into sorted summaries; fills each Kubernetes node's instance. */
export function assembleNodes(
  use: NodeUse[],
  filesystems: Map<string, FilesystemSummary[]>,
  k8s: { nodes: KubernetesNode[]; internalIps: Map<string, string> } | null,
): { nodes: NodeSummary[]; kubernetesNodes: KubernetesNode[] | null } {
  let byInstance = new Map<string, KubernetesNode>();
  if (k8s) {
    const mapping = mapKubernetesNodes(
      k8s.nodes.map((n) => ({ node: n.node, internalIp: k8s.internalIps.get(n.node) ?? null })),
      use.map((u) => ({ instance: u.instance, ...(u.nodename ? { nodename: u.nodename } : {}) })),
    );
    for (const n of k8s.nodes) n.instance = mapping.get(n.node) ?? null;
    byInstance = new Map(k8s.nodes.flatMap((n) => (n.instance ? [[n.instance, n] as const] : [])));
  }
  const nodes = use.map((u) => summarizeNode(u, filesystems.get(u.instance) ?? [], byInstance.get(u.instance)));
  nodes.sort(compareNodes);
  return { nodes, kubernetesNodes: k8s ? [...k8s.nodes].sort(compareKubernetesNodes) : null };
}

/** The node_exporter scope of a request: configured selector, a rate window, optionally one instance. */
export function nodeScope(deps: SignalDeps, window: number, instance?: string): NodeScope {
  return { window, selector: deps.cfg.nodes.selector, ...(instance === undefined ? {} : { instance }) };
}

/**
 * Current USE values of every node and, where kube-state-metrics is scraped, Kubernetes node
 * health; `filesystems: false` skips the filesystem query (the detail asks for one node's only).
 * Costs two or three instant queries, plus the cached metric-name list.
 */
export async function loadNodes(
  deps: SignalDeps,
  t: QueryTimes,
  fresh: FreshnessTracker,
  opts: { filesystems: boolean },
): Promise<{ nodes: NodeSummary[]; kubernetesNodes: KubernetesNode[] | null; hasKubernetes: boolean }> {
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const instant = (q: string) => deps.upstream.instant(q, t.at, ttl).then((a) => fresh.take(a));
  const scope = nodeScope(deps, t.currentWindow);
  const namesP = deps.upstream.metricNames().then((a) => fresh.take(a));
  // Everything started is in one Promise.all, with no await before it: a query awaited only after
  // another await would reject unhandled when that other await throws first.
  const [names, use, fs, k8s] = await Promise.all([
    namesP,
    instant(nodeUseSignals(scope, { uname: true })),
    opts.filesystems ? instant(filesystemSignals(scope)) : Promise.resolve([]),
    namesP.then((n) => (n.includes(KUBE_STATE_METRIC) ? instant(kubernetesNodeSignals()) : null)),
  ]);
  const hasKubernetes = names.includes(KUBE_STATE_METRIC);
  return {
    ...assembleNodes(parseUseSignals(use), parseFilesystems(fs), k8s ? parseKubernetesNodes(k8s) : null),
    hasKubernetes,
  };
}

/** GET /api/v1/nodes: current USE values per node and Kubernetes health. */
export async function nodesOverview(deps: SignalDeps, t: QueryTimes): Promise<NodesResponse> {
  const fresh = new FreshnessTracker();
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  // Restarts count over the chart's range, aligned to the step so every viewer shares the cache entry.
  const rangeSeconds = Math.max(t.window, t.range.end - t.range.start);
  const workloadQuery = kubernetesWorkloadSignals({ window: t.window, rangeSeconds, top: KUBERNETES_TOP });
  // The second metricNames() call is answered by the cache, so workloads need not wait for the inventory.
  const workloadsP = deps.upstream.metricNames().then(async (names) => {
    if (!fresh.take(names).includes(KUBE_STATE_METRIC)) return null;
    return parseWorkloads(fresh.take(await deps.upstream.instant(workloadQuery, t.at, ttl)));
  });
  const [inventory, workloads] = await Promise.all([loadNodes(deps, t, fresh, { filesystems: true }), workloadsP]);
  const kubernetes: KubernetesHealth | null =
    inventory.kubernetesNodes && workloads ? { nodes: inventory.kubernetesNodes, ...workloads } : null;
  return {
    at: t.at,
    window: t.currentWindow,
    from: t.from,
    to: t.to,
    ...fresh.summary(),
    nodes: inventory.nodes,
    kubernetes,
    selector: deps.cfg.nodes.selector,
  };
}
