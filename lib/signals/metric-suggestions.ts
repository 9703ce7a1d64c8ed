// Which of the upstream's metric names a new user could write a custom convention for: names that
// look like request counters or request-duration histograms. Judged by name alone, from the cached
// metric-name list discovery already has, so suggesting costs no query.
import type { Convention } from "@/lib/config/schema";
import type { DiscoveryHints } from "@/lib/model/types";

/** How many suggestions an empty overview shows. */
export const MAX_SUGGESTIONS = 8;

const DURATION = /duration|latency|seconds|milliseconds|_ms$|_time$/;
const REQUEST_WORD = /request|handled|response/;
// Words of services' own traffic; a disk's "flush requests" are not a service's.
const SERVICE_WORD = /http|rpc|api|server|ingress|gateway|proxy/;
// The host and runtime metrics every exporter carries: never a service's requests.
const RUNTIME = /^(node|go|process|process_runtime|jvm|python|nodejs)_/;

/**
 * A name's rank, or null when it does not look like requests: a `*_requests_total` counter first,
 * then a duration histogram (named by its `_count`, which counts its requests too; a summary has
 * no `_bucket` and cannot give percentiles), then another `_total` counter with a request word in
 * its name. Within a kind, a word of service traffic (http, rpc…) ranks higher. Recording rules
 * (`a:b:c`) and host or runtime metrics are not a service's instrumentation.
 */
function rank(name: string, present: ReadonlySet<string>): number | null {
  if (name.includes(":") || RUNTIME.test(name)) return null;
  const bonus = SERVICE_WORD.test(name) ? 1 : 0;
  if (/(^|_)requests?_total$/.test(name)) return 40 + bonus;
  const base = name.replace(/_(count|bucket)$/, "");
  if (base !== name && DURATION.test(base) && present.has(`${base}_bucket`)) {
    // One entry per histogram: its _count, or its _bucket where the upstream lacks the _count.
    if (name.endsWith("_bucket") && present.has(`${base}_count`)) return null;
    return 20 + bonus;
  }
  if (name.endsWith("_total") && REQUEST_WORD.test(name) && !/_(seconds|bytes)_total$/.test(name)) return 10 + bonus;
  return null;
}

/** Up to `max` metric names that look like request counters or duration histograms, best first, then by name. */
export function suggestRequestMetrics(metricNames: readonly string[], max = MAX_SUGGESTIONS): string[] {
  const present = new Set(metricNames);
  return [...present]
    .map((name) => ({ name, rank: rank(name, present) }))
    .filter((s): s is { name: string; rank: number } => s.rank !== null)
    .sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name);
}

/** What an empty services answer tells: every convention's request metric, and what the upstream has instead. */
export function discoveryHints(conventions: readonly Convention[], metricNames: readonly string[]): DiscoveryHints {
  return { lookedFor: conventions.map((c) => c.requests), suggestions: suggestRequestMetrics(metricNames) };
}
