// The questions an SLO asks of raw series (docs/definitions.md, "SLOs and error budgets"): every part of
// every SLO over one window in one query, by identity, whatever the number of services.
import type { Convention } from "@/lib/config/schema";
import type { ServiceId } from "@/lib/identity/service-identity";
import type { Labels } from "@/lib/prometheus/types";
import { selector } from "./escape";
import { anyOf, CONVENTION, normalizeServiceLabels, setLabel } from "./labels";
import { conventionLatencyBuckets, conventionMatchers, conventionRequestRate } from "./red";

/** The label telling the parts of an SLO window's answer apart. */
export const SLO_PART = "slo_part";
/** Requests per second (all), failed requests per second, and bucket rates by `le` (all outcomes). */
export type SloPart = "requests" | "failed" | "bucket";

/** Each convention's histogram boundaries (`le`, tagged with `convention`): one query naming no service. */
export function bucketBoundaries(conventions: readonly Convention[]): string {
  return anyOf(
    conventions.map((c) =>
      setLabel(`group by (le) (${selector(`${c.duration}_bucket`, conventionMatchers(c))})`, CONVENTION, c.name),
    ),
  );
}

/** Each convention's `le` values from bucketBoundaries' answer. */
export function boundariesOf(rows: readonly { labels: Labels }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { labels } of rows) {
    const conv = labels[CONVENTION];
    if (conv === undefined || labels.le === undefined) continue;
    out.set(conv, [...(out.get(conv) ?? []), labels.le]);
  }
  return out;
}

/**
 * The `le` values an SLO window reads of each convention: its latency SLOs' boundaries and +Inf (the
 * histogram's count). A convention absent from the map has no latency SLO to read.
 */
export type SloBoundaries = ReadonlyMap<string, readonly string[]>;

/**
 * Every part of one convention's SLOs over `windowSeconds`, raw, tagged with `slo_part` and normalised
 * to `service`, `namespace`, `convention`: requests, failed requests (0 where some came and none
 * failed, so a bad rate is never missing beside a total), and the bucket rates at `les`. With
 * `service`, of that service alone (its page's SLO series).
 */
export function conventionSloWindow(
  c: Convention,
  windowSeconds: number,
  les?: readonly string[],
  service?: ServiceId,
): string {
  const scope = { window: windowSeconds, service };
  const all = conventionRequestRate(c, scope);
  const parts = [
    setLabel(all, SLO_PART, "requests"),
    setLabel(`${conventionRequestRate(c, scope, [], "failure")} or 0 * ${all}`, SLO_PART, "failed"),
    ...(les?.length ? [setLabel(conventionLatencyBuckets(c, scope, "all", les), SLO_PART, "bucket")] : []),
  ];
  return normalizeServiceLabels(anyOf(parts), c);
}

/** conventionSloWindow of every convention in one query. */
export function sloWindowRaw(conventions: readonly Convention[], windowSeconds: number, les: SloBoundaries): string {
  return anyOf(conventions.map((c) => conventionSloWindow(c, windowSeconds, les.get(c.name))));
}
