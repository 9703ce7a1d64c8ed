import type { GraphFrame } from "@/components/detail/graph-frame";
import detailStyles from "@/components/detail/detail.module.css";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import type { ServiceSlo } from "@/lib/model/slo-types";
import { formatPercent } from "@/lib/ui/format";
import { sloTone } from "@/lib/ui/slo-cells";
import {
  eventsRows,
  exhaustionText,
  firingPairs,
  formatBudget,
  objectiveText,
  periodText,
  thresholdText,
} from "@/lib/ui/slo-format";
import { SloBurnTable } from "./SloBurnTable";
import { BurndownGraph, SliGraph } from "./SloCharts";
import tones from "./slo.module.css";
import styles from "./slo-section.module.css";

export interface SloCardProps {
  slo: ServiceSlo;
  frame: GraphFrame;
}

/** One SLO on its service's page: what it promises, the budget left and how fast it goes, its alerts and its two charts. */
export function SloCard({ slo, frame }: SloCardProps) {
  const threshold = thresholdText(slo);
  const firing = firingPairs(slo);
  return (
    <article className={styles.card} aria-label={`${slo.kind} SLO`}>
      <header className={styles.cardHead}>
        <h3>{slo.kind}</h3>
        <span className={styles.objective}>{objectiveText(slo)}</span>
        <span className={styles.muted}>over {periodText(slo.periodSeconds)}</span>
        {slo.default && (
          <span className={styles.tag} title="From slos.defaults: not configured for this service">
            default
          </span>
        )}
        <span className={styles.muted}>{slo.alerting ? "configured to alert" : "not configured to alert"}</span>
        {threshold && <span className={styles.threshold}>{threshold}</span>}
      </header>
      <div className={styles.cardBody}>
        <dl className={styles.facts}>
          <div className={tones.tone} data-tone={sloTone(slo)}>
            <dt>budget left</dt>
            <dd className={`${styles.budget} num`}>
              {slo.lowTraffic ? "low traffic" : formatBudget(slo.budgetRemaining)}
            </dd>
          </div>
          {slo.events &&
            eventsRows(slo.events).map((r) => (
              <div key={r.label}>
                <dt>{r.label}</dt>
                <dd className="num">{r.value}</dd>
              </div>
            ))}
          <div>
            <dt>error ratio over the period</dt>
            <dd className="num">{formatPercent(slo.errorRatio)}</dd>
          </div>
          <div>
            <dt>budget runs out</dt>
            <dd>{exhaustionText(slo)}</dd>
          </div>
        </dl>
        <SloBurnTable slo={slo} />
      </div>
      <ul className={styles.notes}>
        {slo.lowTraffic && (
          <li>
            Low traffic: fewer requests in the period than one bad request allowed by the objective, so the budget means
            little and is not shown in red.
          </li>
        )}
        {firing.length > 0 && !slo.alerting && (
          <li>A burn-rate pair holds, but this SLO is not configured to alert: nobody is paged.</li>
        )}
        {slo.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <div className={detailStyles.grid}>
        <PanelBoundary name="SLI">
          <SliGraph slo={slo} frame={frame} />
        </PanelBoundary>
        <PanelBoundary name="Burndown">
          <BurndownGraph slo={slo} frame={frame} />
        </PanelBoundary>
      </div>
    </article>
  );
}
