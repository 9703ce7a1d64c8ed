import Link from "next/link";
import { SourceBadge } from "@/components/app/SourceBadge";
import { useId } from "react";
import type { KubernetesHealth, KubernetesNode } from "@/lib/model/node-types";
import { formatPercent, plural } from "@/lib/ui/format";
import {
  conditionProblems,
  kubernetesNodeState,
  podTotals,
  shareOf,
  visibleKubernetesNodes,
  type KubernetesNodeState,
} from "@/lib/ui/kubernetes-health";
import { nodeHref } from "@/lib/ui/node-href";
import { nodeKey, type NodeDisplayStatus } from "@/lib/ui/node-rows";
import type { ViewState } from "@/lib/ui/url-state";
import type { NodeGridSize } from "./NodeGrid";
import { NodeStatusBadge } from "./NodeStatusBadge";
import styles from "./kubernetes.module.css";

export interface KubernetesHealthSummaryProps {
  health: KubernetesHealth;
  view: ViewState;
  /**
   * "wall": in em of the wall screen's type, without the list of nodes (on the wall every Kubernetes
   * node is a row of the grid above, with its Ready and pressure state) and with shorter workload lists.
   */
  size: NodeGridSize;
  /** Several sources: each node shows its source, and its link carries it. */
  showSource?: boolean;
}

/** Nodes listed before the rest are counted: a 500-node cluster still takes a few lines. */
const NODE_LINES = 8;
/** Entries of each workload list; the API already sends the worst first. */
const WORKLOAD_LINES = { normal: 5, wall: 3 } as const;

/** Cluster health from kube-state-metrics: node conditions, pods, unavailable deployments, restarts, throttling. */
export function KubernetesHealthSummary({ health, view, size, showSource = false }: KubernetesHealthSummaryProps) {
  const notReady = health.nodes.filter((n) => !n.ready).length;
  const pods = podTotals(health.nodes);
  const podShare = shareOf(pods.running, pods.capacity);
  const titleId = useId();
  return (
    <section className={styles.k8s} data-size={size} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        Kubernetes
        <span className={`${styles.summary} num`}>
          {plural(health.nodes.length, "node")}
          {notReady > 0 && <strong> · {notReady} NotReady</strong>}
          {pods.running !== null && (
            <>
              {" "}
              · {pods.running} of {pods.capacity ?? "?"} pods{podShare !== null && ` (${formatPercent(podShare)})`}
            </>
          )}
        </span>
      </h3>
      {size !== "wall" && <KubernetesNodeList nodes={health.nodes} view={view} showSource={showSource} />}
      <WorkloadList
        title="Unavailable deployments"
        empty="none"
        lines={WORKLOAD_LINES[size]}
        showSource={showSource}
        size={size}
        items={health.unavailableDeployments.map((d) => ({
          source: d.source,
          key: `${d.namespace}/${d.deployment}`,
          value: `${d.unavailable} of ${d.desired ?? "?"} unavailable`,
        }))}
      />
      <WorkloadList
        title="Restarts in range"
        empty="none"
        lines={WORKLOAD_LINES[size]}
        showSource={showSource}
        size={size}
        items={health.restarts.map((r) => ({
          source: r.source,
          key: `${r.namespace}/${r.pod}`,
          value: plural(r.restarts, "restart"),
        }))}
      />
      <WorkloadList
        title="CPU throttling"
        empty="no pod throttled"
        lines={WORKLOAD_LINES[size]}
        showSource={showSource}
        size={size}
        items={health.throttling.map((t) => ({
          source: t.source,
          key: `${t.namespace}/${t.pod}`,
          value: `${formatPercent(t.ratio)} of periods`,
        }))}
      />
    </section>
  );
}

/** The badge of each state: pressure is a saturated resource. */
const STATE_BADGE: Record<KubernetesNodeState, NodeDisplayStatus> = {
  NotReady: "NotReady",
  pressure: "saturated",
  Ready: "ok",
};

interface KubernetesNodeListProps {
  nodes: readonly KubernetesNode[];
  view: ViewState;
  showSource: boolean;
}

/** Each node's Ready and pressure state and pods, the worst first, the rest counted. */
function KubernetesNodeList({ nodes, view, showSource }: KubernetesNodeListProps) {
  const { shown, hidden, hiddenWithProblems } = visibleKubernetesNodes(nodes, NODE_LINES);
  return (
    <>
      <ul className={styles.nodes} aria-label="Kubernetes nodes">
        {shown.map((k) => {
          const problems = conditionProblems(k.conditions);
          const state = kubernetesNodeState(k);
          return (
            <li key={nodeKey(k.source, k.node)} data-ready={k.ready}>
              <NodeStatusBadge status={STATE_BADGE[state]} label={state} />
              <Link
                href={nodeHref(k.node, view, showSource ? k.source : undefined)}
                prefetch={false}
                className={styles.node}
              >
                {showSource && (
                  <>
                    <SourceBadge source={k.source} stale={k.stale} />{" "}
                  </>
                )}
                {k.node}
              </Link>
              <span className={styles.problems}>{problems.filter((p) => p !== "NotReady").join(", ")}</span>
              <span
                className={`${styles.pods} num`}
                title={`${k.pods.running ?? "?"} pods running of a capacity of ${k.pods.capacity ?? "?"}`}
              >
                {k.pods.running ?? "—"}/{k.pods.capacity ?? "—"} pods
              </span>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <p className={styles.more}>
          + {plural(hidden, "more node")}
          {hiddenWithProblems > 0 ? `, ${hiddenWithProblems} with a problem` : ", all Ready"}
        </p>
      )}
    </>
  );
}

interface WorkloadListProps {
  title: string;
  empty: string;
  lines: number;
  /** Several sources: each item shows its cluster's source (two clusters may run the same workload). */
  showSource: boolean;
  size: NodeGridSize;
  items: { source?: string; key: string; value: string }[];
}

function WorkloadList({ title, empty, lines, showSource, size, items }: WorkloadListProps) {
  return (
    <div className={styles.workloads}>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className={styles.none}>{empty}</p>
      ) : (
        <ul>
          {items.slice(0, lines).map((i) => (
            <li key={`${i.source ?? ""}/${i.key}`}>
              <span className={styles.pod} title={i.key}>
                {showSource && (
                  <>
                    <SourceBadge source={i.source} size={size === "wall" ? "large" : "normal"} />{" "}
                  </>
                )}
                {i.key}
              </span>
              <span className="num">{i.value}</span>
            </li>
          ))}
          {items.length > lines && <li className={styles.none}>+ {items.length - lines} more</li>}
        </ul>
      )}
    </div>
  );
}
