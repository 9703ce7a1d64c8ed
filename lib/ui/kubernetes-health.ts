// Reading kube-state-metrics' node conditions and totals the way `kubectl describe node` does.
import type { KubernetesNode, NodeCondition } from "@/lib/model/node-types";

/**
 * What is wrong with a node, by its conditions: Ready must be "true" ("unknown" means the kubelet
 * stopped reporting), every other condition (MemoryPressure, DiskPressure, …) must not be.
 */
export function conditionProblems(conditions: readonly NodeCondition[]): string[] {
  const ready: string[] = [];
  const other: string[] = [];
  for (const c of conditions) {
    if (c.condition !== "Ready") {
      if (c.status === "true") other.push(c.condition);
    } else if (c.status === "false") ready.push("NotReady");
    else if (c.status !== "true") ready.push(`Ready ${c.status}`);
  }
  // Readiness reads first: a node that is not ready takes every pod on it along.
  return [...ready, ...other];
}

function sum(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Pods running and pod capacity over the cluster; null where no node reports them. */
export function podTotals(nodes: readonly KubernetesNode[]): { running: number | null; capacity: number | null } {
  return { running: sum(nodes.map((n) => n.pods.running)), capacity: sum(nodes.map((n) => n.pods.capacity)) };
}

/** part / whole, or null when either is unknown or whole is 0. */
export function shareOf(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}

/** A Kubernetes node as the lists show it, worst first: not ready, ready under pressure, ready. */
export const KUBERNETES_NODE_STATES = ["NotReady", "pressure", "Ready"] as const;
export type KubernetesNodeState = (typeof KUBERNETES_NODE_STATES)[number];

/** NotReady unless ready; pressure when another condition is wrong (conditionProblems); else Ready. */
export function kubernetesNodeState(k: KubernetesNode): KubernetesNodeState {
  if (!k.ready) return "NotReady";
  return conditionProblems(k.conditions).length ? "pressure" : "Ready";
}

export interface VisibleNodes {
  shown: KubernetesNode[];
  /** Nodes left out, and how many of those have a problem. */
  hidden: number;
  hiddenWithProblems: number;
}

/**
 * The first `limit` nodes for a summary, nodes with a problem first (NotReady before pressure, as
 * the API already orders NotReady first); the rest are counted, so 500 nodes fit in a few lines.
 */
export function visibleKubernetesNodes(nodes: readonly KubernetesNode[], limit: number): VisibleNodes {
  const rank = (k: KubernetesNode) => KUBERNETES_NODE_STATES.indexOf(kubernetesNodeState(k));
  const sorted = nodes.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  const shown = sorted.slice(0, limit).map((x) => x.k);
  const rest = sorted.slice(limit);
  return { shown, hidden: rest.length, hiddenWithProblems: rest.filter((x) => rank(x.k) < 2).length };
}
