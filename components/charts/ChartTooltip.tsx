import type { TooltipContentProps } from "recharts";
import { formatTime } from "@/lib/ui/time-format";
import type { ChartSeries } from "./TimeChart";
import styles from "./charts.module.css";

export interface ChartTooltipProps {
  content: TooltipContentProps;
  series: readonly ChartSeries[];
  zone: string | undefined;
  formatValue: (v: number) => string;
}

/** The values under the cursor, in the chart's series order and units, at a time in the chosen zone. */
export function ChartTooltip({ content, series, zone, formatValue }: ChartTooltipProps) {
  const row = content.payload[0]?.payload as Record<string, number | null> | undefined;
  if (!content.active || !row || typeof row.t !== "number") return null;
  return (
    <div className={`${styles.tooltip} num`}>
      <div className={styles.tooltipTime}>{formatTime(row.t, zone, "full")}</div>
      <table>
        <tbody>
          {series.map((s) => {
            const v = row[s.key];
            return (
              <tr key={s.key}>
                <td>
                  <span className={styles.swatch} style={{ background: s.color }} />
                  {s.name}
                </td>
                <td>{v === null || v === undefined ? "—" : formatValue(v)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
