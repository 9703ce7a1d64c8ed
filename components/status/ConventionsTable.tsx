"use client";

import { useNow } from "@/components/app/use-now";
import type { ConventionStatus } from "@/lib/model/types";
import { rulesText } from "@/lib/ui/source-text";
import { formatTime, intlZone } from "@/lib/ui/time-format";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import styles from "./status.module.css";

export interface ConventionsTableProps {
  conventions: readonly ConventionStatus[];
  tz: TimeZoneMode;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/**
 * One row per convention: its metrics, whether they exist upstream, how many services it found, why
 * none, and whether signalboard's recording rules for it run.
 */
export function ConventionsTable({ conventions, tz }: ConventionsTableProps) {
  // Times in the browser's zone, which the server does not know.
  const now = useNow();
  const offset = (t: number | null) => (t === null ? 0 : -new Date(t * 1000).getTimezoneOffset());
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
          <th scope="col">Recording rules</th>
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
            <td
              data-rules={c.rules.state}
              title={
                now !== null && c.rules.lastEvaluation !== null
                  ? `last evaluated ${formatTime(c.rules.lastEvaluation, intlZone(tz), "full")}`
                  : undefined
              }
            >
              {now === null ? c.rules.state : rulesText(c.rules, tz, offset(c.rules.since))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
