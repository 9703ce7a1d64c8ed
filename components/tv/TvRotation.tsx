"use client";

import type { ReactNode } from "react";
import { useNow } from "@/components/app/use-now";
import { pageIndexAt } from "@/lib/ui/tv-params";
import styles from "./tv.module.css";

export interface TvRotationProps {
  pages: readonly { id: string; title: string; content: ReactNode }[];
  everySeconds: number;
}

/**
 * Full-screen pages in turn. The page on screen follows the shared one-second clock, so rotation
 * needs no timer of its own; the page elements come from the parent, so a tick re-renders only this.
 */
export function TvRotation({ pages, everySeconds }: TvRotationProps) {
  const now = useNow();
  const index = pageIndexAt(now ?? 0, everySeconds, pages.length);
  const page = pages[index];
  if (!page) return null;
  return (
    <div className={styles.rotation}>
      <div key={page.id} className={styles.page}>
        {page.content}
      </div>
      <p className={styles.pageDots}>
        <span className="sr-only">
          Page {index + 1} of {pages.length}: {page.title}
        </span>
        {pages.map((p) => (
          <span key={p.id} aria-hidden="true" data-current={p.id === page.id || undefined}>
            {p.title}
          </span>
        ))}
      </p>
    </div>
  );
}
