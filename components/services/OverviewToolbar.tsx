"use client";

import { useEffect, useId, useState } from "react";
import { SORT_KEYS, type SortKey, type ViewState } from "@/lib/ui/url-state";
import styles from "./services.module.css";

export interface OverviewToolbarProps {
  view: ViewState;
  onViewChange: (next: ViewState) => void;
  /** The filter as typed, before it reaches the URL. */
  filter: string;
  onFilterChange: (q: string) => void;
  /** "12 services · 4 conventions"; null while loading. */
  count: string | null;
  /** The configured sources to narrow to; null with one source (no control then). */
  sources: readonly string[] | null;
}

const SORT_LABELS: Record<SortKey, string> = {
  status: "Worst first",
  name: "Name",
  traffic: "Traffic",
  errors: "Error ratio",
  latency: "p99 latency",
  budget: "SLO budget left",
};

// Typing filters at once; the URL follows after a pause so each keystroke is not a navigation.
const URL_DEBOUNCE_MS = 300;

/** Filter, sort and the count of services shown. */
export function OverviewToolbar({ view, onViewChange, filter, onFilterChange, count, sources }: OverviewToolbarProps) {
  const filterId = useId();
  const sortId = useId();
  const sourceId = useId();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      setPending(false);
      if (filter !== view.q) onViewChange({ ...view, q: filter });
    }, URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, filter, view, onViewChange]);
  return (
    <div className={styles.toolbar}>
      <label htmlFor={filterId} className="sr-only">
        Filter services by name or namespace
      </label>
      <input
        id={filterId}
        type="search"
        className={styles.filter}
        placeholder="Filter by name or namespace"
        value={filter}
        onChange={(e) => {
          onFilterChange(e.target.value);
          setPending(true);
        }}
        spellCheck={false}
      />
      {sources && (
        <>
          <label htmlFor={sourceId} className={styles.sortLabel}>
            Source
          </label>
          <select id={sourceId} value={view.source} onChange={(e) => onViewChange({ ...view, source: e.target.value })}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={sortId} className={styles.sortLabel}>
        Sort
      </label>
      <select
        id={sortId}
        value={view.sort}
        onChange={(e) => onViewChange({ ...view, sort: SORT_KEYS.find((k) => k === e.target.value) ?? view.sort })}
      >
        {SORT_KEYS.map((k) => (
          <option key={k} value={k}>
            {SORT_LABELS[k]}
          </option>
        ))}
      </select>
      <p role="status" className={`${styles.count} num`}>
        {count ?? ""}
      </p>
    </div>
  );
}
