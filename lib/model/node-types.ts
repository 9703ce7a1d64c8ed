// The public JSON API (v1) of /api/v1/nodes and /api/v1/nodes/{name}. Safe to import anywhere.
import type { Freshness, FromSource, Points, SourceStates, Window } from "./types";

/** Worst first. */
export const NODE_STATUS_ORDER = ["down", "saturated", "busy", "ok"] as const;
export type NodeStatus = (typeof NODE_STATUS_ORDER)[number];

/** A Kubernetes node condition as kube-state-metrics reports it: status "true", "false" or "unknown". */
export interface NodeCondition {
  condition: string;
  status: string;
}

export interface FilesystemSummary {
  mountpoint: string;
  device: string;
  /** 1 − available / size, 0..1 */
  usedRatio: number | null;
  /** Seconds until full at the rate free space fell over the last 6 h; null when it is not falling. */
  timeToFullSeconds: number | null;
}

/** Current USE values of one node_exporter instance. */
export interface NodeSummary extends FromSource {
  /** The Kubernetes node name where the mapping is known, else the instance. */
  name: string;
  /** The node_exporter scrape target, e.g. "10.0.0.7:9100". */
  instance: string;
  kubernetesNode?: string;
  /** Whether the last scrape of node_exporter succeeded. */
  up: boolean;
  status: NodeStatus;
  statusReasons: string[];
  /** busy ratio 0..1; load1 per CPU */
  cpu: { utilization: number | null; saturation: number | null };
  /** 1 − available / total, 0..1; major page faults per second */
  memory: { utilization: number | null; saturation: number | null };
  /** busiest device: io-time ratio 0..1; weighted io seconds per second */
  disk: { utilization: number | null; saturation: number | null };
  /** loopback excluded; errors + drops per second */
  network: {
    receiveBytesPerSecond: number | null;
    transmitBytesPerSecond: number | null;
    errorsPerSecond: number | null;
  };
  filesystems: FilesystemSummary[];
  /** Kubernetes node conditions, where the node is a Kubernetes node. */
  conditions?: NodeCondition[];
}

/** Requests and limits summed over the node's containers, against what the node offers to pods. */
export interface ResourceUse {
  requests: number | null;
  limits: number | null;
  allocatable: number | null;
}

export interface KubernetesNode extends FromSource {
  node: string;
  /** The node_exporter instance of this node, where one maps to it. */
  instance: string | null;
  /** false when the Ready condition is "false" or "unknown". */
  ready: boolean;
  conditions: NodeCondition[];
  pods: { running: number | null; capacity: number | null };
  /** cores */
  cpu: ResourceUse;
  /** bytes */
  memory: ResourceUse;
}

/** Cluster health from kube-state-metrics and cAdvisor; lists are the worst few, worst first. */
export interface KubernetesHealth {
  /** Not-ready nodes first, then by name; nodes without node_exporter included. */
  nodes: KubernetesNode[];
  /** Container restarts per pod between from and to (only pods that restarted). */
  restarts: ({ namespace: string; pod: string; restarts: number } & FromSource)[];
  unavailableDeployments: ({
    namespace: string;
    deployment: string;
    unavailable: number;
    desired: number | null;
  } & FromSource)[];
  /** Share of CPU periods in which the pod was throttled, 0..1. */
  throttling: ({ namespace: string; pod: string; ratio: number } & FromSource)[];
}

export interface NodesResponse extends Window, Freshness, SourceStates {
  /** Worst first: node_exporter down, NotReady, saturated, busy, then by highest utilization. */
  nodes: NodeSummary[];
  /** null when kube-state-metrics is not scraped. */
  kubernetes: KubernetesHealth | null;
  /** The configured `nodes.selector`: label = value matchers that select node_exporter series. */
  selector: Record<string, string>;
}

/** Range series of one node; `[[unixSeconds, value | null], …]` at `step`. */
export interface NodeSeries {
  up: Points;
  cpu: { utilization: Points; saturation: Points };
  memory: { utilization: Points; saturation: Points };
  disk: { utilization: Points; saturation: Points };
  network: { receiveBytesPerSecond: Points; transmitBytesPerSecond: Points; errorsPerSecond: Points };
}

export interface NodeDetailResponse extends Window, Freshness {
  step: number;
  name: string;
  /** Current values, filesystems included; null for a Kubernetes node without node_exporter. */
  node: NodeSummary | null;
  /** null when kube-state-metrics is not scraped or knows no such node. */
  kubernetes: KubernetesNode | null;
  /** Empty series for a Kubernetes node without node_exporter. */
  series: NodeSeries;
  /** The configured `nodes.selector`, as in NodesResponse. */
  selector: Record<string, string>;
}
