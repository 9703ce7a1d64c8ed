// Several sources on one wall: when a row shows its source, which identity its links carry, and what
// the page says about a source that failed or is old. Pure, so the rules are tested with literals.
import { serviceId, SINGLE_SOURCE, SOURCE_NAME, type ServiceId } from "@/lib/identity/service-identity";
import type { SourceState } from "@/lib/model/types";
import { formatAge } from "./format";

/** The `source` URL parameter: a well-formed name, or "" (all sources) for anything else. */
export function parseSourceParam(text: string | undefined): string {
  const t = text?.trim() ?? "";
  return SOURCE_NAME.test(t) ? t : "";
}

/**
 * Whether rows show their source and links carry it: with several sources in the answer, or once the
 * page is narrowed to one of several. One source changes nothing, even asked for by its name.
 */
export function showsSources(sources: readonly SourceState[] | undefined, narrowedTo: string): boolean {
  return (sources?.length ?? 0) > 1 || (narrowedTo !== "" && narrowedTo !== SINGLE_SOURCE);
}

/** A row's identity for links and joins: its source only where sources are shown. */
export function rowServiceId(
  row: { name: string; namespace?: string; source?: string },
  withSource: boolean,
): ServiceId {
  return serviceId({ name: row.name, namespace: row.namespace, source: withSource ? row.source : undefined });
}

/** True when `item` (an alert, an SLO) comes from the source of `id`, or either does not say. */
export function sameSource(item: { source?: string }, id: ServiceId): boolean {
  return id.source === undefined || item.source === undefined || item.source === id.source;
}

export interface SourceNotice {
  source: string;
  /** error: no rows from it; stale: its rows are its last good copy. */
  kind: "error" | "stale";
  text: string;
}

/**
 * One sentence per source that is not live, failed ones first: what happened, since when, and what it
 * means for the rows, so a wall with one dead cluster is never read as a calm one.
 */
export function sourceNotices(sources: readonly SourceState[] | undefined): SourceNotice[] {
  const out: SourceNotice[] = [];
  for (const s of sources ?? []) {
    if (s.error)
      out.push({
        source: s.name,
        kind: "error",
        text: `Source ${s.name} is not answering: ${s.error.message}. Its rows are missing.`,
      });
  }
  for (const s of sources ?? []) {
    if (!s.error && s.stale) {
      const age = s.ageSeconds === undefined ? "" : ` from ${formatAge(s.ageSeconds)} ago`;
      const why = s.staleReason ? `: ${s.staleReason}` : "";
      out.push({
        source: s.name,
        kind: "stale",
        text: `Source ${s.name} is not answering${why}. Its rows show its last data${age}, marked stale.`,
      });
    }
  }
  return out;
}

/** The sources a filter offers: the answer's, with the one the page is narrowed to kept even when absent. */
export function sourceOptions(sources: readonly { name: string }[] | undefined, narrowedTo: string): string[] {
  const names = (sources ?? []).map((s) => s.name);
  if (narrowedTo && !names.includes(narrowedTo)) names.push(narrowedTo);
  return names.sort();
}

/**
 * Whether an answer is old as a whole. With several sources, a stale source's rows are marked and
 * named in its notice, and the rest is live: the panel, the tab and the header's age stay as live.
 */
export function wholeAnswerStale(answer: { stale: boolean; sources?: readonly SourceState[] }): boolean {
  return answer.stale && (answer.sources?.length ?? 0) <= 1;
}
