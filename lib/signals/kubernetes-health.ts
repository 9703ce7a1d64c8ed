import type { KubernetesHealth, KubernetesNode, NodeCondition } from "@/lib/model/node-types";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { K8S_NODE_SIGNAL, K8S_WORKLOAD_SIGNAL } from "@/lib/promql/kubernetes";
import { SIGNAL } from "@/lib/promql/use";

/** How many pods or deployments each Kubernetes list shows at most. */
export const KUBERNETES_TOP = 10;

/** A node_exporter instance as far as the mapping needs it. */
export interface ExporterIdentity {
  instance: string;
  /** The kernel's node name (node_uname_info), where known. */
  nodename?: string;
}

/** The host part of a scrape target: "10.0.0.7:9100" → "10.0.0.7", "[::1]:9100" → "::1". */
export function hostOf(instance: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(instance);
  if (v6) return v6[1] ?? instance;
  const colon = instance.lastIndexOf(":");
  // One colon is host:port; more than one is a bare IPv6 address.
  return colon > 0 && instance.indexOf(":") === colon ? instance.slice(0, colon) : instance;
}

/**
 * Maps Kubernetes nodes to node_exporter instances, one to one: first where the kernel's nodename
 * equals the node name, then where the instance's host is the node name or its internal IP.
 */
export function mapKubernetesNodes(
  nodes: readonly { node: string; internalIp: string | null }[],
  exporters: readonly ExporterIdentity[],
): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (node: string, match: (e: ExporterIdentity) => boolean) => {
    if (out.has(node)) return;
    const e = exporters.find((x) => !taken.has(x.instance) && match(x));
    if (!e) return;
    out.set(node, e.instance);
    taken.add(e.instance);
  };
  for (const n of nodes) claim(n.node, (e) => e.nodename === n.node);
  for (const n of nodes) claim(n.node, (e) => hostOf(e.instance) === n.node);
  for (const n of nodes) if (n.internalIp) claim(n.node, (e) => hostOf(e.instance) === n.internalIp);
  return out;
}

const emptyResources = () => ({ requests: null, limits: null, allocatable: null });

/** Builds one entry per node from `kubernetesNodeSignals`; `instance` is filled in by the caller. */
export function parseKubernetesNodes(series: readonly InstantSeries[]): {
  nodes: KubernetesNode[];
  internalIps: Map<string, string>;
} {
  const byNode = new Map<string, KubernetesNode>();
  const internalIps = new Map<string, string>();
  const entry = (node: string) => {
    let n = byNode.get(node);
    if (!n) {
      n = {
        node,
        instance: null,
        ready: false,
        conditions: [],
        pods: { running: null, capacity: null },
        cpu: emptyResources(),
        memory: emptyResources(),
      };
      byNode.set(node, n);
    }
    return n;
  };
  for (const s of series) {
    const { node, resource } = s.labels;
    if (!node) continue;
    const n = entry(node);
    const res = resource === "cpu" || resource === "memory" ? n[resource] : undefined;
    switch (s.labels[SIGNAL]) {
      case K8S_NODE_SIGNAL.info:
        if (s.labels.internal_ip) internalIps.set(node, s.labels.internal_ip);
        break;
      case K8S_NODE_SIGNAL.condition:
        if (s.labels.condition)
          n.conditions.push({ condition: s.labels.condition, status: s.labels.status ?? "unknown" });
        break;
      case K8S_NODE_SIGNAL.pods:
        n.pods.running = s.value;
        break;
      case K8S_NODE_SIGNAL.podCapacity:
        n.pods.capacity = s.value;
        break;
      case K8S_NODE_SIGNAL.requests:
        if (res) res.requests = s.value;
        break;
      case K8S_NODE_SIGNAL.limits:
        if (res) res.limits = s.value;
        break;
      case K8S_NODE_SIGNAL.allocatable:
        if (res) res.allocatable = s.value;
        break;
    }
  }
  for (const n of byNode.values()) {
    n.conditions.sort(compareConditions);
    n.ready = n.conditions.some((c) => c.condition === "Ready" && c.status === "true");
  }
  return { nodes: [...byNode.values()], internalIps };
}

// Ready first, then alphabetically, so every response lists conditions in the same order.
function compareConditions(a: NodeCondition, b: NodeCondition): number {
  return Number(b.condition === "Ready") - Number(a.condition === "Ready") || a.condition.localeCompare(b.condition);
}

/** Not-ready nodes first, then by name. */
export function compareKubernetesNodes(a: KubernetesNode, b: KubernetesNode): number {
  return Number(a.ready) - Number(b.ready) || a.node.localeCompare(b.node);
}

/** Restarts, unavailable deployments and throttling from `kubernetesWorkloadSignals`, worst first. */
export function parseWorkloads(series: readonly InstantSeries[]): Omit<KubernetesHealth, "nodes"> {
  const restarts: KubernetesHealth["restarts"] = [];
  const throttling: KubernetesHealth["throttling"] = [];
  const unavailable = new Map<string, KubernetesHealth["unavailableDeployments"][number]>();
  const desired = new Map<string, number | null>();
  for (const s of series) {
    const namespace = s.labels.namespace ?? "";
    const { pod, deployment } = s.labels;
    switch (s.labels[SIGNAL]) {
      case K8S_WORKLOAD_SIGNAL.restarts:
        if (pod && s.value !== null) restarts.push({ namespace, pod, restarts: Math.round(s.value) });
        break;
      case K8S_WORKLOAD_SIGNAL.throttling:
        if (pod && s.value !== null) throttling.push({ namespace, pod, ratio: s.value });
        break;
      case K8S_WORKLOAD_SIGNAL.unavailable:
        if (deployment && s.value !== null)
          unavailable.set(`${namespace}/${deployment}`, { namespace, deployment, unavailable: s.value, desired: null });
        break;
      case K8S_WORKLOAD_SIGNAL.desired:
        if (deployment) desired.set(`${namespace}/${deployment}`, s.value);
        break;
    }
  }
  const deployments = [...unavailable.entries()].map(([key, d]) => ({ ...d, desired: desired.get(key) ?? null }));
  return {
    restarts: restarts.sort(WORKLOADS_WORST_FIRST.restarts),
    unavailableDeployments: deployments.sort(WORKLOADS_WORST_FIRST.unavailableDeployments),
    throttling: throttling.sort(WORKLOADS_WORST_FIRST.throttling),
  };
}

type Workloads = Omit<KubernetesHealth, "nodes">;
type Compare<T> = (a: T, b: T) => number;
const byName = (a: { namespace: string }, b: { namespace: string }, an: string, bn: string) =>
  a.namespace.localeCompare(b.namespace) || an.localeCompare(bn);

/** Each workload list's order, worst first (also across sources, lib/api/sources.ts). */
export const WORKLOADS_WORST_FIRST: { [K in keyof Workloads]: Compare<Workloads[K][number]> } = {
  restarts: (a, b) => b.restarts - a.restarts || byName(a, b, a.pod, b.pod),
  unavailableDeployments: (a, b) => b.unavailable - a.unavailable || byName(a, b, a.deployment, b.deployment),
  throttling: (a, b) => b.ratio - a.ratio || byName(a, b, a.pod, b.pod),
};
