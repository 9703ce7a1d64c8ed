import styles from "./charts.module.css";

export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

export interface ChartLegendProps {
  items: readonly LegendItem[];
}

/** An HTML legend: it wraps, reads as a list and shows dashes the way the lines are drawn. */
export function ChartLegend({ items }: ChartLegendProps) {
  return (
    <ul className={styles.legend}>
      {items.map((item) => (
        <li key={item.name}>
          <svg width="18" height="8" aria-hidden="true">
            <line
              x1="0"
              y1="4"
              x2="18"
              y2="4"
              stroke={item.color}
              strokeWidth="2.5"
              strokeDasharray={item.dashed ? "4 2" : undefined}
            />
          </svg>
          <span title={item.name}>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}
