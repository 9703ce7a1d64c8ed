import { StatusGlyph } from "@/components/states/StatusGlyph";
import type { NodeDisplayStatus } from "@/lib/ui/node-rows";
import type { NodeGridSize } from "./NodeGrid";
import styles from "./nodes.module.css";

export interface NodeStatusBadgeProps {
  status: NodeDisplayStatus;
  /** "wall": the icon and padding in em of the badge's type, which the wall screen scales. */
  size?: NodeGridSize;
  /** The word shown, where the context has its own ("Ready" in a Kubernetes list); the status by default. */
  label?: string;
}

// One shape per status, so it reads without colour. ok, busy and down share the services' shapes
// (check, triangle, arrow down) so a shape means the same on both lists; NotReady is a "no entry"
// bar and saturated a full gauge.
const MARKS: Record<NodeDisplayStatus, string> = {
  ok: "M4.5 8.5l2.5 2.5L12 5.5",
  busy: "M8 4v5M8 11.5v.5",
  saturated: "M4.5 5.5h7M4.5 8h7M4.5 10.5h7",
  NotReady: "M4.5 8h7",
  down: "M8 3.5v8M4.5 8.5L8 12l3.5-3.5",
};

/** The node's state as colour, icon and word together. */
export function NodeStatusBadge({ status, size = "normal", label = status }: NodeStatusBadgeProps) {
  const px = size === "wall" ? "1.15em" : 14;
  return (
    <span className={styles.badge} data-status={status} data-size={size}>
      <StatusGlyph
        mark={MARKS[status]}
        outline={status === "busy" ? "triangle" : "circle"}
        size={px}
        markWidth={status === "NotReady" ? 2.6 : undefined}
      />
      {label}
    </span>
  );
}
