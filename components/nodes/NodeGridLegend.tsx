import { Fragment } from "react";
import { formatPercent } from "@/lib/ui/format";
import { SATURATED_DISK_QUEUE, SATURATED_MAJOR_FAULTS_PER_SECOND, UTILIZATION_STEPS } from "@/lib/ui/node-cells";
import { SATURATED_LOAD_PER_CPU, SATURATED_UTILIZATION } from "@/lib/model/node-status";
import { MarkIcon } from "./ResourceCellView";
import styles from "./nodes.module.css";

// The bounds between the colour steps, written between the swatches like the ticks of a scale.
const BOUNDS = [0, ...UTILIZATION_STEPS, 1].map((b) => Math.round(b * 100));

/** What the cell colours and marks mean, with the thresholds written out. */
export function NodeGridLegend() {
  const saturated = `≥ ${formatPercent(SATURATED_UTILIZATION)} used, load/CPU ≥ ${SATURATED_LOAD_PER_CPU}, ≥ ${SATURATED_MAJOR_FAULTS_PER_SECOND} major faults/s or disk queue ≥ ${SATURATED_DISK_QUEUE}`;
  return (
    <div className={styles.legend}>
      <span className={styles.legendItem}>
        Utilization
        <span role="img" className={`${styles.ramp} num`} aria-label={`colour steps at ${BOUNDS.join(", ")} %`}>
          {BOUNDS.slice(0, -1).map((b, level) => (
            <Fragment key={b}>
              <span aria-hidden="true">{b}</span>
              <i data-level={level} aria-hidden="true" />
            </Fragment>
          ))}
          <span aria-hidden="true">100 %</span>
        </span>
      </span>
      <span className={styles.legendItem} title={`Saturated: ${saturated}`}>
        <MarkIcon mark="saturated" /> saturated
        <span className="sr-only">: {saturated}</span>
      </span>
      <span className={styles.legendItem}>
        <MarkIcon mark="errors" /> network errors or drops
      </span>
    </div>
  );
}
