import type { Freshness, Sourced, SourceStates, Window } from "@/lib/model/types";
import { answeredAt } from "@/lib/ui/data-age";
import { wholeAnswerStale } from "@/lib/ui/sources";

/** What the page's data says about itself, for the header to show. */
export interface DataInfo {
  /** ms since the epoch when the data on screen was fetched from Prometheus; 0 before the first answer. */
  updatedAt: number;
  /** ms since the epoch of the last answer of any kind (a 404 is an answer too); 0 before the first. */
  checkedAt: number;
  fetching: boolean;
  /** The range the data covers, unix seconds, as the API resolved it. */
  range: { from: number; to: number } | null;
  /** Where the values came from (recorded or raw series); null where the page's answers do not say. */
  source: Sourced | null;
}

interface QueryLike {
  data: (Window & Freshness & Partial<Sourced> & SourceStates) | undefined;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  isFetching: boolean;
}

/**
 * The header's view of a query. A stale answer counts from when Prometheus last answered, not from when
 * we received the copy; with several sources, from when it was received (a stale source has its notice).
 */
export function dataInfoOf(q: QueryLike): DataInfo {
  const d = q.data;
  return {
    updatedAt: d ? answeredAt(q.dataUpdatedAt, { stale: wholeAnswerStale(d), ageSeconds: d.ageSeconds }) : 0,
    checkedAt: Math.max(q.dataUpdatedAt, q.errorUpdatedAt),
    fetching: q.isFetching,
    range: d ? { from: d.from, to: d.to } : null,
    source: d?.source ? sourcedOf(d) : null,
  };
}

/** Only the source fields of an answer. */
export function sourcedOf(d: Partial<Sourced>): Sourced | null {
  if (!d.source) return null;
  return d.recordedFrom === undefined ? { source: d.source } : { source: d.source, recordedFrom: d.recordedFrom };
}
