import type { ViewState } from "@/lib/ui/url-state";
import { ServicesPanel } from "./ServicesPanel";
import styles from "./overview.module.css";

export interface OverviewProps {
  view: ViewState;
  onViewChange: (next: ViewState) => void;
}

/** The overview page's body: services on the left, nodes on the right. */
export function Overview({ view, onViewChange }: OverviewProps) {
  return (
    <div className={styles.overview}>
      <ServicesPanel view={view} onViewChange={onViewChange} />
      {/*
        NODE GRID SLOT — components/nodes/NodeGrid renders here, in the right-hand column
        (e.g. <NodeGrid view={view} />). It is empty until that component exists: the column
        is `auto` wide, so nothing takes room meanwhile.
      */}
    </div>
  );
}
