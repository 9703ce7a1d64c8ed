// The rows of the node grid: every node_exporter node, and every Kubernetes node that has no
// node_exporter (which would otherwise be missing from a grid of "all nodes"), worst first.
import type { KubernetesHealth, KubernetesNode, NodeCondition, NodeStatus, NodeSummary } from "@/lib/model/node-types";
import { classifyNode, compareNodes, type NodeSortInput, type NodeVerdict } from "@/lib/model/node-status";

/** The status a person reads: node-status's four, with "down" split into its two causes. */
export type NodeDisplayStatus = "down" | "NotReady" | "saturated" | "busy" | "ok";

export interface NodeRow {
  /** The name in the node's URL: the Kubernetes node name where known, else the instance. */
  name: string;
  /** The source the node came from, as the API says. */
  source?: string;
  /** The row's source failed; the row is its last good copy. */
  stale?: boolean;
  /** null for a Kubernetes node without node_exporter. */
  summary: NodeSummary | null;
  kubernetes: KubernetesNode | null;
  display: NodeDisplayStatus;
  reasons: string[];
}

/** down when node_exporter does not answer; NotReady when only Kubernetes says so; else the status as is. */
export function displayStatus(n: {
  up: boolean | null;
  status: NodeStatus;
  statusReasons: readonly string[];
}): NodeDisplayStatus {
  if (n.up === false) return "down";
  if (n.statusReasons.includes("NotReady")) return "NotReady";
  return n.status;
}

/** Reasons as a sentence for the node's page: "NotReady" says what Kubernetes reports (false, or unknown when the kubelet went silent). */
export function explainReasons(reasons: readonly string[], conditions: readonly NodeCondition[] | undefined): string[] {
  const ready = conditions?.find((c) => c.condition === "Ready")?.status ?? "missing";
  return reasons.map((r) => (r === "NotReady" ? `Kubernetes Ready condition is ${ready}` : r));
}

/** The verdict on a Kubernetes node known only from kube-state-metrics: NotReady or pressure conditions. */
export function kubernetesOnlyVerdict(k: KubernetesNode): NodeVerdict {
  const none = { utilization: null, saturation: null };
  return classifyNode({ up: null, cpu: none, memory: none, disk: none, filesystems: [], conditions: k.conditions });
}

/** The API's status of a row; a Kubernetes-only row that is NotReady is "down", as the API would say. */
function apiStatus(r: NodeRow): NodeStatus {
  if (r.summary) return r.summary.status;
  return r.display === "NotReady" ? "down" : r.display;
}

function sortInput(r: NodeRow): NodeSortInput {
  const s = r.summary;
  const none = { utilization: null };
  return {
    name: r.name,
    up: s ? s.up : null,
    status: apiStatus(r),
    statusReasons: r.reasons,
    cpu: s?.cpu ?? none,
    memory: s?.memory ?? none,
    disk: s?.disk ?? none,
  };
}

/** A node's key among all sources' nodes: its source and name. */
export const nodeKey = (source: string | undefined, name: string) => `${source ?? ""}/${name}`;

const fromSource = (n: { source?: string; stale?: boolean }) => ({
  ...(n.source === undefined ? {} : { source: n.source }),
  ...(n.stale ? { stale: true } : {}),
});

/** All nodes, worst first by node-status's order (the API's own), Kubernetes-only nodes merged in. */
export function nodeRows(nodes: readonly NodeSummary[], kubernetes: KubernetesHealth | null | undefined): NodeRow[] {
  // Two clusters may each have a node of one name: a node is its source's.
  const k8s = new Map((kubernetes?.nodes ?? []).map((k) => [nodeKey(k.source, k.node), k]));
  const rows: NodeRow[] = nodes.map((n) => ({
    name: n.name,
    ...fromSource(n),
    summary: n,
    kubernetes: (n.kubernetesNode !== undefined ? k8s.get(nodeKey(n.source, n.kubernetesNode)) : undefined) ?? null,
    display: displayStatus(n),
    reasons: n.statusReasons,
  }));
  const mapped = new Set(rows.flatMap((r) => (r.kubernetes ? [nodeKey(r.source, r.kubernetes.node)] : [])));
  const instances = new Set(nodes.map((n) => nodeKey(n.source, n.instance)));
  const extra = [...k8s.values()]
    .filter(
      (k) =>
        !mapped.has(nodeKey(k.source, k.node)) &&
        !(k.instance !== null && instances.has(nodeKey(k.source, k.instance))),
    )
    .map((k): NodeRow => {
      const v = kubernetesOnlyVerdict(k);
      return {
        name: k.node,
        ...fromSource(k),
        summary: null,
        kubernetes: k,
        display: displayStatus({ up: null, status: v.status, statusReasons: v.reasons }),
        reasons: v.reasons,
      };
    });
  // Without extra rows the API's order stands as sent.
  if (extra.length === 0) return rows;
  return [...rows, ...extra].sort((a, b) => compareNodes(sortInput(a), sortInput(b)));
}

/** "1 node", "4 nodes · 3 in Kubernetes", for the panel's header. */
export function nodeCountLabel(rows: readonly NodeRow[]): string {
  const n = rows.length.toLocaleString("en-US");
  const inK8s = rows.filter((r) => r.kubernetes !== null).length;
  const base = `${n} ${rows.length === 1 ? "node" : "nodes"}`;
  return inK8s > 0 ? `${base} · ${inK8s.toLocaleString("en-US")} in Kubernetes` : base;
}
