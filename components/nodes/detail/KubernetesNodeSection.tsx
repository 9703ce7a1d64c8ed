import type { KubernetesNode, ResourceUse } from "@/lib/model/node-types";
import { formatPercent } from "@/lib/ui/format";
import { conditionProblems, shareOf } from "@/lib/ui/kubernetes-health";
import { formatBytes, formatCores } from "@/lib/ui/node-format";
import { MarkIcon } from "../ResourceCellView";
import { DataTable } from "./DataTable";
import styles from "./node-detail.module.css";

export interface KubernetesNodeSectionProps {
  node: KubernetesNode;
}

/** The node as Kubernetes sees it: conditions, pods, and what its pods requested and may use against what it offers. */
export function KubernetesNodeSection({ node: k }: KubernetesNodeSectionProps) {
  const problems = new Set(conditionProblems(k.conditions));
  const podShare = shareOf(k.pods.running, k.pods.capacity);
  return (
    <div className={styles.k8s}>
      <ul className={styles.conditions} aria-label="Conditions">
        {k.conditions.map((c) => {
          const bad = c.condition === "Ready" ? c.status !== "true" : c.status === "true";
          return (
            <li key={c.condition} data-bad={bad || undefined}>
              {bad && <MarkIcon mark="saturated" />}
              <span>{c.condition}</span> <strong>{c.status}</strong>
            </li>
          );
        })}
      </ul>
      {problems.size === 0 && <p className={styles.allWell}>All conditions as they should be: Ready, no pressure.</p>}
      <p className="num">
        Pods: <strong>{k.pods.running ?? "—"}</strong> running of a capacity of {k.pods.capacity ?? "—"}
        {podShare !== null && ` (${formatPercent(podShare)})`}
      </p>
      <DataTable columns={["Resource", "Requests", "Limits", "Allocatable"]}>
        <UseRow name="CPU" use={k.cpu} format={formatCores} />
        <UseRow name="Memory" use={k.memory} format={formatBytes} />
      </DataTable>
    </div>
  );
}

// Each as a share of allocatable, which is what the scheduler holds requests against.
function UseRow({ name, use, format }: { name: string; use: ResourceUse; format: (v: number | null) => string }) {
  const of = (v: number | null) => {
    const share = shareOf(v, use.allocatable);
    return share === null ? "" : ` (${formatPercent(share)})`;
  };
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {format(use.requests)}
        {of(use.requests)}
      </td>
      <td>
        {format(use.limits)}
        {of(use.limits)}
      </td>
      <td>{format(use.allocatable)}</td>
    </tr>
  );
}
