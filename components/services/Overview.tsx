import { NodesPanel } from "@/components/nodes/NodesPanel";
import { PanelBoundary } from "@/components/states/PanelBoundary";
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
      <PanelBoundary name="Services">
        <ServicesPanel view={view} onViewChange={onViewChange} />
      </PanelBoundary>
      <PanelBoundary name="Nodes">
        <NodesPanel view={view} />
      </PanelBoundary>
    </div>
  );
}
