import { NotFoundError } from "@/lib/errors";
import type { KubernetesNode, NodeDetailResponse, NodeSeries, NodeSummary } from "@/lib/model/node-types";
import { rangeAnswerTimes, type QueryTimes } from "@/lib/model/query-times";
import type { Points } from "@/lib/model/types";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import { filesystemSignals, nodeUseSignals, SIGNAL, USE_SIGNAL } from "@/lib/promql/use";
import type { SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { loadNodes, nodeScope, parseFilesystems, summarizeNode } from "./nodes";

/**
 * Finds a node by the name in its URL: a node_exporter instance ("10.0.0.7:9100") or a Kubernetes
 * node name; the instance wins when both could match.
 */
export function resolveNode(
  nodes: readonly NodeSummary[],
  kubernetesNodes: readonly KubernetesNode[] | null,
  name: string,
): { summary?: NodeSummary; kubernetes?: KubernetesNode } | null {
  const summary = nodes.find((n) => n.instance === name) ?? nodes.find((n) => n.kubernetesNode === name);
  const k8sName = summary ? summary.kubernetesNode : name;
  const kubernetes = k8sName === undefined ? undefined : kubernetesNodes?.find((k) => k.node === k8sName);
  if (!summary && !kubernetes) return null;
  return { ...(summary ? { summary } : {}), ...(kubernetes ? { kubernetes } : {}) };
}

/** Picks each USE signal's points out of one `nodeUseSignals` range answer; empty where absent. */
export function nodeSeriesFrom(series: readonly RangeSeries[]): NodeSeries {
  const points = (signal: string): Points => series.find((s) => s.labels[SIGNAL] === signal)?.points ?? [];
  const s = USE_SIGNAL;
  return {
    up: points(s.up),
    cpu: { utilization: points(s.cpuUtilization), saturation: points(s.cpuSaturation) },
    memory: { utilization: points(s.memoryUtilization), saturation: points(s.memorySaturation) },
    disk: { utilization: points(s.diskUtilization), saturation: points(s.diskSaturation) },
    network: {
      receiveBytesPerSecond: points(s.networkReceive),
      transmitBytesPerSecond: points(s.networkTransmit),
      errorsPerSecond: points(s.networkErrors),
    },
  };
}

/**
 * Range series, filesystems and current values of one node; 404 when no instance or Kubernetes
 * node has that name at `at`. Costs the overview's cached instant queries plus one range and one
 * instant query filtered to the node's instance. The name is looked up in the inventory first, so an
 * unknown one is answered from the overview's queries and never reaches the upstream in a query.
 */
export async function nodeDetail(deps: SignalDeps, t: QueryTimes, name: string): Promise<NodeDetailResponse> {
  const fresh = new FreshnessTracker();
  const inventory = await loadNodes(deps, t, fresh, { filesystems: false });
  const found = resolveNode(inventory.nodes, inventory.kubernetesNodes, name);
  if (!found)
    throw new NotFoundError("node_not_found", `no node_exporter instance or Kubernetes node named "${name}"`, "name");

  const base = {
    ...rangeAnswerTimes(t),
    kubernetes: found.kubernetes ?? null,
    selector: deps.cfg.nodes.selector,
  };
  const current = found.summary;
  if (!current) {
    return {
      ...base,
      ...fresh.summary(),
      name: found.kubernetes?.node ?? name,
      node: null,
      series: nodeSeriesFrom([]),
    };
  }
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const [range, fs] = await Promise.all([
    deps.upstream
      .range(nodeUseSignals(nodeScope(deps, t.window, current.instance), { uname: false }), t.range)
      .then((a) => fresh.take(a)),
    deps.upstream
      .instant(filesystemSignals(nodeScope(deps, t.currentWindow, current.instance)), t.at, ttl)
      .then((a) => fresh.take(a)),
  ]);
  const node = summarizeNode(current, parseFilesystems(fs).get(current.instance) ?? [], found.kubernetes);
  return { ...base, ...fresh.summary(), name: node.name, node, series: nodeSeriesFrom(range) };
}
