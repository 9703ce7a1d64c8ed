import { DetailHeading } from "@/components/detail/DetailHeading";
import type { KubernetesNode, NodeSummary } from "@/lib/model/node-types";
import { formatPercent } from "@/lib/ui/format";
import { resourceCells } from "@/lib/ui/node-cells";
import { formatBytesPerSecond, formatLoadPerCpu, formatPerSecond } from "@/lib/ui/node-format";
import type { NodeDisplayStatus } from "@/lib/ui/node-rows";
import { NodeStatusBadge } from "../NodeStatusBadge";
import { MarkIcon } from "../ResourceCellView";
import styles from "./node-detail.module.css";

export interface NodeHeadingProps {
  name: string;
  /** null while loading. */
  verdict: { status: NodeDisplayStatus; reasons: string[] } | null;
  /** Current values as of `at`; null while loading and for a Kubernetes node without node_exporter. */
  node: NodeSummary | null;
  kubernetes: KubernetesNode | null;
  overviewHref: string;
}

/** Back link, name, status and why, where the node was found, and its current USE values. */
export function NodeHeading({ name, verdict, node, kubernetes, overviewHref }: NodeHeadingProps) {
  const sources = [node && `node_exporter ${node.instance}`, kubernetes && `Kubernetes node ${kubernetes.node}`].filter(
    Boolean,
  );
  return (
    <DetailHeading
      name={name}
      back={{ href: overviewHref, label: "← Overview" }}
      badge={verdict && <NodeStatusBadge status={verdict.status} />}
      reasons={verdict?.reasons ?? []}
      meta={sources.length > 0 ? sources.join(" · ") : null}
      values={node && <CurrentValues node={node} />}
    />
  );
}

function CurrentValues({ node: n }: { node: NodeSummary }) {
  const [cpu, memory, disk, network] = resourceCells(n);
  return (
    <>
      <Value label="CPU busy" value={formatPercent(n.cpu.utilization)} />
      <Value label="Load per CPU" value={formatLoadPerCpu(n.cpu.saturation)} reasons={cpu?.reasons} />
      <Value label="Memory used" value={formatPercent(n.memory.utilization)} />
      <Value
        label="Major page faults"
        value={formatPerSecond(n.memory.saturation, "faults")}
        reasons={memory?.reasons}
      />
      <Value label="Disk busy" value={formatPercent(n.disk.utilization)} />
      <Value label="Disk queue" value={formatPerSecond(n.disk.saturation, "s")} reasons={disk?.reasons} />
      <Value label="Receive" value={formatBytesPerSecond(n.network.receiveBytesPerSecond)} />
      <Value label="Transmit" value={formatBytesPerSecond(n.network.transmitBytesPerSecond)} />
      <Value
        label="Errors and drops"
        value={formatPerSecond(n.network.errorsPerSecond, "packets")}
        reasons={network?.reasons}
        errors
      />
    </>
  );
}

// The resource's saturation reasons mark its saturation value, the one that explains them.
function Value({
  label,
  value,
  reasons = [],
  errors = false,
}: {
  label: string;
  value: string;
  reasons?: string[];
  errors?: boolean;
}) {
  const marked = reasons.length > 0;
  return (
    <div className={marked ? styles.markedValue : undefined} title={marked ? reasons.join("; ") : undefined}>
      <dt>{label}</dt>
      <dd>
        {value}
        {marked && (
          <>
            {" "}
            <MarkIcon mark={errors ? "errors" : "saturated"} />
            <span className="sr-only">
              {errors ? "errors" : "saturated"}: {reasons.join("; ")}
            </span>
          </>
        )}
      </dd>
    </div>
  );
}
