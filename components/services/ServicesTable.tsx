"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { SloAnswerState } from "@/components/slo/SloCell";
import type { AlertSummary } from "@/lib/model/alert-types";
import type { Slo } from "@/lib/model/slo-types";
import type { ServiceSummary } from "@/lib/model/types";
import { serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { rowServiceId } from "@/lib/ui/sources";
import { serviceHref, type SortKey, type ViewState } from "@/lib/ui/url-state";
import { ROW_HEIGHT, ServiceRow } from "./ServiceRow";
import styles from "./services.module.css";

export interface ServicesTableProps {
  services: readonly ServiceSummary[];
  view: ViewState;
  /** Several sources: each row shows its source, and its identity (links, alerts, SLOs) includes it. */
  showSource: boolean;
  /** A service's alerts (lib/ui/alerts alertsByService): the same array for the same service while they do not change. */
  alertsOf: (id: ServiceId) => readonly AlertSummary[];
  /** A service's SLOs (lib/ui/slo-cells slosByService): the same array for the same service while they do not change. */
  slosOf: (id: ServiceId) => readonly Slo[];
  sloState: SloAnswerState;
  /** The sparklines' own request has not answered yet: their boxes shimmer instead of looking empty. */
  trendsLoading: boolean;
  /** Seconds: the window the status and current values are evaluated over. */
  statusWindow: number;
}

// Until it can measure the list (on the server, and in the render that hydrates the server's HTML)
// the virtualiser assumes a full-HD screen's height, so the first HTML already holds a screenful of rows.
const UNMEASURED_RECT = { width: 0, height: 1080 };

const COLUMNS: { label: string; sort: SortKey | null; order: "ascending" | "descending" }[] = [
  { label: "Status", sort: "status", order: "descending" },
  { label: "Service", sort: "name", order: "ascending" },
  { label: "Requests", sort: "traffic", order: "descending" },
  { label: "Errors", sort: "errors", order: "descending" },
  { label: "Latency of successful requests · failed p99", sort: "latency", order: "descending" },
  { label: "SLO budget", sort: "budget", order: "ascending" },
];

/**
 * The service list as an ARIA table. Only the rows in view (and a few either side) are in the DOM,
 * so 2,000 services cost what 30 do; the header stays put while the body scrolls.
 */
export function ServicesTable({
  services,
  view,
  showSource,
  alertsOf,
  slosOf,
  sloState,
  trendsLoading,
  statusWindow,
}: ServicesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions on every render; the React Compiler cannot memoise them, and need not.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: services.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: UNMEASURED_RECT,
  });
  return (
    <div role="table" aria-label="Services" aria-rowcount={services.length + 1} className={styles.table}>
      <div role="rowgroup" className={styles.head}>
        <div role="row" aria-rowindex={1} className={styles.headRow}>
          {COLUMNS.map((c) => (
            <div key={c.label} role="columnheader" aria-sort={c.sort === view.sort ? c.order : undefined}>
              {c.label}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className={styles.scroller}>
        <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const s = services[item.index];
            if (!s) return null;
            const id = rowServiceId(s, showSource);
            return (
              <ServiceRow
                key={serviceKey(id)}
                service={s}
                href={serviceHref(id, view)}
                showSource={showSource}
                rowIndex={item.index + 2}
                top={item.start}
                alerts={alertsOf(id)}
                slos={slosOf(id)}
                sloState={sloState}
                trendsLoading={trendsLoading}
                statusWindow={statusWindow}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
