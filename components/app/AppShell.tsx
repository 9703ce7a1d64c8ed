"use client";

import type { ReactNode } from "react";
import type { ViewState } from "@/lib/ui/url-state";
import type { DataInfo } from "./data-info";
import { Header } from "./Header";
import styles from "./app.module.css";

export interface AppShellProps {
  view: ViewState;
  onViewChange: (next: ViewState) => void;
  data: DataInfo;
  /** See HeaderProps.timeless. */
  timeless?: boolean;
  children: ReactNode;
}

/** The page frame: theme, skip link, header with the time controls, and the page's content. */
export function AppShell({ view, onViewChange, data, timeless, children }: AppShellProps) {
  return (
    <div className={`${styles.app} theme-${view.theme}`}>
      <a href="#content" className={styles.skip}>
        Skip to content
      </a>
      <Header view={view} onViewChange={onViewChange} data={data} timeless={timeless} />
      <main id="content" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
