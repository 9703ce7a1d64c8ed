import Link from "next/link";
import { useId } from "react";
import type { KubernetesHealth } from "@/lib/api/node-types";
import { formatPercent, plural } from "@/lib/ui/format";
import { conditionProblems, podTotals, shareOf, visibleKubernetesNodes } from "@/lib/ui/kubernetes-health";
import { nodeHref } from "@/lib/ui/node-href";
import type { ViewState } from "@/lib/ui/url-state";
import { NodeStatusBadge } from "./NodeStatusBadge";
import styles from "./kubernetes.module.css";

export interface KubernetesHealthSummaryProps {
  health: KubernetesHealth;
  view: ViewState;
  size: "normal" | "large";
}

/** Nodes listed before the rest are counted: a 500-node cluster still takes a few lines. */
const NODE_LINES = 8;
/** Entries of each workload list; the API already sends the worst first. */
const WORKLOAD_LINES = 5;

/** Cluster health from kube-state-metrics: node conditions, pods, unavailable deployments, restarts, throttling. */
export function KubernetesHealthSummary({ health, view, size }: KubernetesHealthSummaryProps) {
  const { shown, hidden, hiddenWithProblems } = visibleKubernetesNodes(health.nodes, NODE_LINES);
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
      <ul className={styles.nodes} aria-label="Kubernetes nodes">
        {shown.map((k) => {
          const problems = conditionProblems(k.conditions);
          return (
            <li key={k.node} data-ready={k.ready}>
              <NodeStatusBadge status={k.ready ? (problems.length ? "saturated" : "ok") : "NotReady"} label={k.ready ? (problems.length ? "pressure" : "Ready") : "NotReady"} size={size} />
              <Link href={nodeHref(k.node, view)} prefetch={false} className={styles.node}>
                {k.node}
              </Link>
              <span className={styles.problems}>{problems.filter((p) => p !== "NotReady").join(", ")}</span>
              <span className={`${styles.pods} num`} title={`${k.pods.running ?? "?"} pods running of a capacity of ${k.pods.capacity ?? "?"}`}>
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
      <WorkloadList title="Unavailable deployments" empty="none" items={health.unavailableDeployments.map((d) => ({ key: `${d.namespace}/${d.deployment}`, value: `${d.unavailable} of ${d.desired ?? "?"} unavailable` }))} />
      <WorkloadList title="Restarts in range" empty="none" items={health.restarts.map((r) => ({ key: `${r.namespace}/${r.pod}`, value: plural(r.restarts, "restart") }))} />
      <WorkloadList title="CPU throttling" empty="no pod throttled" items={health.throttling.map((t) => ({ key: `${t.namespace}/${t.pod}`, value: `${formatPercent(t.ratio)} of periods` }))} />
    </section>
  );
}

interface WorkloadListProps {
  title: string;
  empty: string;
  items: { key: string; value: string }[];
}

function WorkloadList({ title, empty, items }: WorkloadListProps) {
  return (
    <div className={styles.workloads}>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className={styles.none}>{empty}</p>
      ) : (
        <ul>
          {items.slice(0, WORKLOAD_LINES).map((i) => (
            <li key={i.key}>
              <span className={styles.pod} title={i.key}>
                {i.key}
              </span>
              <span className="num">{i.value}</span>
            </li>
          ))}
          {items.length > WORKLOAD_LINES && <li className={styles.none}>+ {items.length - WORKLOAD_LINES} more</li>}
        </ul>
      )}
    </div>
  );
}
