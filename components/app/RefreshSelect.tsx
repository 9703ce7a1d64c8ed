"use client";

import { useId } from "react";
import { REFRESH_OPTIONS, type Refresh } from "@/lib/ui/url-state";
import styles from "./app.module.css";

export interface RefreshSelectProps {
  refresh: Refresh;
  onChange: (refresh: Refresh) => void;
}

const LABELS: Record<Refresh, string> = { off: "Off", "10s": "10 s", "30s": "30 s", "1m": "1 min", "5m": "5 min" };

/** How often the page polls; polling pauses by itself while the tab is hidden. */
export function RefreshSelect({ refresh, onChange }: RefreshSelectProps) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Refresh</label>
      <select
        id={id}
        value={refresh}
        onChange={(e) => onChange(REFRESH_OPTIONS.find((o) => o === e.target.value) ?? refresh)}
      >
        {REFRESH_OPTIONS.map((o) => (
          <option key={o} value={o}>
            {LABELS[o]}
          </option>
        ))}
      </select>
    </div>
  );
}
