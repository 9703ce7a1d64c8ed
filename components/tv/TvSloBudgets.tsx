"use client";

import { memo, useMemo } from "react";
import type { Slo } from "@/lib/model/slo-types";
import { budgetsAtRisk, budgetsAtRiskEmptyText, burningRate, sloTone } from "@/lib/ui/slo-cells";
import { formatBudget, formatBurn } from "@/lib/ui/slo-format";
import { SourceBadge } from "@/components/app/SourceBadge";
import { TvPlaceholder } from "./TvPlaceholder";
import tones from "@/components/slo/slo.module.css";
import styles from "./slo.module.css";
import tv from "./tv.module.css";

export interface TvSloBudgetsProps {
  /** null before the first answer. */
  slos: readonly Slo[] | null;
  /** Several sources: each budget shows its service's source. */
  showSource: boolean;
  /** Why there is no answer yet, in words; null while none failed. */
  error: string | null;
}

/** Three rows fit under the services at the wall's type, during an incident too, without taking the services' room. */
export const TV_BUDGETS = 3;

/**
 * The error budgets at risk (spent, low or burning), least first: service, SLO kind, budget and the
 * burn while it burns; one line when none is. At most a fixed number of rows, so the services above
 * keep a known share of the column. Memoised on the answer.
 */
export const TvSloBudgets = memo(function TvSloBudgets({ slos, showSource, error }: TvSloBudgetsProps) {
  const rows = useMemo(() => (slos ? budgetsAtRisk(slos, TV_BUDGETS) : []), [slos]);
  if (slos === null) return <TvPlaceholder error={error}>Loading SLOs…</TvPlaceholder>;
  if (rows.length === 0) return <p className={tv.placeholder}>{budgetsAtRiskEmptyText(slos)}</p>;
  return (
    <div role="table" aria-label="Error budgets at risk, least left first" className={styles.table}>
      {rows.map((s) => {
        const burn = burningRate(s);
        return (
          <div
            role="row"
            key={`${s.source ?? ""}/${s.namespace}/${s.service}/${s.kind}`}
            className={`${styles.row} ${tones.tone}`}
            data-tone={sloTone(s)}
          >
            <span role="cell" className={styles.name}>
              {showSource && (
                <>
                  <SourceBadge source={s.source} stale={s.stale} size="large" />{" "}
                </>
              )}
              {s.service}
              {s.namespace && <span className={styles.namespace}> {s.namespace}</span>}
            </span>
            <span role="cell" className={styles.kind}>
              {s.kind}
            </span>
            <span role="cell" className={`${styles.budget} num`}>
              {formatBudget(s.budgetRemaining)}
            </span>
            <span role="cell" className={`${styles.burn} num`}>
              {burn === null ? "" : formatBurn(burn)}
            </span>
          </div>
        );
      })}
    </div>
  );
});
