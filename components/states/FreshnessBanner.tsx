"use client";

import { useNow } from "@/components/app/use-now";
import type { UseQueryResult } from "@tanstack/react-query";
import type { Freshness, SourceStates } from "@/lib/model/types";
import { answeredAt } from "@/lib/ui/data-age";
import { describeError } from "@/lib/ui/fetch-json";
import { formatAge } from "@/lib/ui/format";
import { SourceNotices } from "./SourceNotices";
import styles from "./states.module.css";

export interface FreshnessBannerProps {
  /** The API answered with its last good copy because Prometheus failed. */
  stale: boolean;
  /** Age of that copy when it was received, seconds. */
  ageSeconds: number | undefined;
  /** Why Prometheus failed, as the server says (a refused token, a TLS error); undefined when it did not say. */
  staleReason?: string;
  /** When the data on screen was received, ms since the epoch. */
  receivedAt: number;
  /** The latest refresh failed outright; the data on screen is from an earlier one. */
  refreshError: string | null;
  /** Notices from Prometheus or the server (partial data, too many series). */
  warnings: readonly string[];
}

/**
 * Says how old the data on screen is when it is not fresh. The data itself stays: a failed refresh
 * must never blank the page an engineer is reading during an incident. The age keeps counting.
 */
export function FreshnessBanner({
  stale,
  ageSeconds,
  staleReason,
  receivedAt,
  refreshError,
  warnings,
}: FreshnessBannerProps) {
  const now = useNow();
  // Until the clock ticks (server render, hydration) the age is as of receipt.
  const age = formatAge(Math.max(0, ((now ?? receivedAt) - answeredAt(receivedAt, { stale, ageSeconds })) / 1000));
  return (
    <>
      {refreshError !== null && (
        <div role="alert" className={`${styles.banner} ${styles.bannerError}`}>
          <strong>Refresh failed:</strong> {refreshError}. Showing data from <span className="num">{age}</span> ago.
        </div>
      )}
      {refreshError === null && stale && (
        <div role="status" className={`${styles.banner} ${styles.bannerWarn}`}>
          Showing data from <span className="num">{age}</span> ago —{" "}
          {staleReason ? `Prometheus failed: ${staleReason}.` : "Prometheus is not answering."}
        </div>
      )}
      {warnings.length > 0 && (
        <ul className={`${styles.banner} ${styles.bannerNote}`} aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface QueryFreshnessBannerProps {
  query: Pick<UseQueryResult<Freshness & SourceStates>, "data" | "dataUpdatedAt" | "isError" | "error">;
  /** Say which sources failed or are old (default); off where another panel of the page says it already. */
  sourceNotices?: boolean;
}

/**
 * The banner for one API query's answer, as every panel that fetches shows it above its data. With
 * several sources, each one that is not live gets its own notice instead of one for the whole answer.
 */
export function QueryFreshnessBanner({ query, sourceNotices = true }: QueryFreshnessBannerProps) {
  const data = query.data;
  if (!data) return null;
  const perSource = (data.sources?.length ?? 0) > 1;
  return (
    <>
      {perSource && sourceNotices && <SourceNotices sources={data.sources} />}
      <FreshnessBanner
        stale={data.stale && !perSource}
        ageSeconds={data.ageSeconds}
        staleReason={data.staleReason}
        receivedAt={query.dataUpdatedAt}
        refreshError={query.isError ? describeError(query.error) : null}
        warnings={data.warnings}
      />
    </>
  );
}
