"use client";

import Link from "next/link";
import { viewHref, type ViewState } from "@/lib/ui/url-state";
import type { DataInfo } from "./data-info";
import { RangePicker } from "./RangePicker";
import { RangeSummary } from "./RangeSummary";
import { RefreshSelect } from "./RefreshSelect";
import { SignedInUserNote } from "./signed-in-user";
import { SourceNote } from "./SourceNote";
import { TimeZoneToggle } from "./TimeZoneToggle";
import { UpdatedAgo } from "./UpdatedAgo";
import styles from "./app.module.css";

export interface HeaderProps {
  view: ViewState;
  onViewChange: (next: ViewState) => void;
  data: DataInfo;
  /** A page about now whatever the range (the status page): no range or refresh controls. */
  timeless?: boolean;
}

/** Product name and the time controls every page shares; every control writes the URL. */
export function Header({ view, onViewChange, data, timeless = false }: HeaderProps) {
  return (
    <header className={styles.header}>
      <Link href={viewHref("/", view)} className={styles.brand}>
        signalboard
      </Link>
      {!timeless && (
        <>
          <RangePicker view={view} onChange={onViewChange} />
          <RangeSummary view={view} range={data.range} onClearAt={() => onViewChange({ ...view, at: null })} />
        </>
      )}
      <div className={styles.spacer} />
      <SignedInUserNote />
      <Link href={viewHref("/status", view)}>Status</Link>
      {!timeless && <RefreshSelect refresh={view.refresh} onChange={(refresh) => onViewChange({ ...view, refresh })} />}
      <TimeZoneToggle tz={view.tz} onChange={(tz) => onViewChange({ ...view, tz })} />
      <button
        type="button"
        onClick={() => onViewChange({ ...view, theme: view.theme === "dark" ? "light" : "dark" })}
        aria-label={view.theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"}
      >
        {view.theme === "dark" ? "Light" : "Dark"}
      </button>
      <SourceNote source={data.source} tz={view.tz} />
      <UpdatedAgo updatedAt={data.updatedAt} checkedAt={data.checkedAt} fetching={data.fetching} />
    </header>
  );
}
