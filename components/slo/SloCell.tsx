import type { Slo } from "@/lib/model/slo-types";
import { sloCell } from "@/lib/ui/slo-cells";
import styles from "./slo.module.css";

/** Where the overview's SLO answer is: on its way, here, here but old, or failed with nothing to show. */
export type SloAnswerState = "loading" | "ready" | "stale" | "unavailable";

export interface SloCellViewProps {
  /** The service's SLOs (lib/ui/slo-cells slosByService): the same array while they do not change. */
  slos: readonly Slo[];
  state: SloAnswerState;
}

/**
 * A service's error budget on its overview row: the worse SLO's budget left and, while it burns faster
 * than the period allows, its burn. Tone by colour and by word in the title; its own answer failing
 * only costs this cell, never the row.
 */
export function SloCellView({ slos, state }: SloCellViewProps) {
  if (state === "loading") return <span className={styles.cellLoading} aria-busy="true" />;
  if (state === "unavailable")
    return (
      <span
        className={styles.cell}
        data-tone="none"
        title="The SLOs could not be loaded; the rest of the row is not affected"
      >
        unavailable
      </span>
    );
  const cell = sloCell(slos);
  const stale = state === "stale";
  return (
    <span
      className={styles.cell}
      data-tone={cell.tone}
      data-stale={stale || undefined}
      title={stale ? `Stale: the SLOs did not refresh.\n${cell.title}` : cell.title}
    >
      <span className="num">{cell.text}</span>
      {cell.burn && <span className={`${styles.burn} num`}>{cell.burn}</span>}
    </span>
  );
}
