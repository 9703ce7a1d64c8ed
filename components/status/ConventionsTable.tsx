import type { ConventionStatus } from "@/lib/model/types";
import styles from "./status.module.css";

export interface ConventionsTableProps {
  conventions: readonly ConventionStatus[];
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** One row per convention: its metrics, whether they exist upstream, how many services it found, and why none. */
export function ConventionsTable({ conventions }: ConventionsTableProps) {
  return (
    <table className={styles.table} aria-label="Conventions">
      <thead>
        <tr>
          <th scope="col">Convention</th>
          <th scope="col">Request metric</th>
          <th scope="col">Present</th>
          <th scope="col">Histogram</th>
          <th scope="col">Service label</th>
          <th scope="col" className={styles.num}>
            Services
          </th>
          <th scope="col">Why none</th>
        </tr>
      </thead>
      <tbody>
        {conventions.map((c) => (
          <tr key={c.name} data-in-use={c.inUse}>
            <th scope="row">
              {c.name}
              {c.custom && <span className={styles.tag}>custom</span>}
            </th>
            <td>
              <code>{c.requests}</code>
            </td>
            <td>{yesNo(c.inUse)}</td>
            <td title={`${c.duration}_bucket`}>{yesNo(c.histogram)}</td>
            <td>
              <code>{c.serviceLabel}</code>
            </td>
            <td className={`${styles.num} num`}>{c.services}</td>
            <td>{c.why ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
