// The public JSON API (v1), as the browser and other clients read it: the models the domain
// (lib/signals) builds and the API (lib/api) answers. No imports but types: safe to import anywhere.
import type { ServiceSlo, SloWarning } from "./slo-types";

/** Worst first: the order in which the overview sorts by default. */
export const STATUS_ORDER = ["down", "failing", "degraded", "idle", "ok"] as const;
export type ServiceStatus = (typeof STATUS_ORDER)[number];

/** Seconds; null where there is no data (no requests, empty histogram). */
export interface Latency {
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

/** Values at `start + i * step`; null where there is no data. */
export type Values = (number | null)[];

export interface Freshness {
  /** true when the upstream failed and this is the last good answer. */
  stale: boolean;
  /** Seconds since the data was fetched from the upstream (present when stale). */
  ageSeconds?: number;
  /** What the upstream's failure was (present when stale), e.g. a refused token or a TLS error. */
  staleReason?: string;
  /** Notices from the upstream (e.g. partial data) or from us (e.g. too many series). */
  warnings: string[];
}

/**
 * Where an answer's request, error and latency values came from: signalboard's recorded series
 * (its recording rules, where they cover the instant or range), raw series, or both ("mixed": some
 * conventions recorded, or a range whose earlier part predates the rules).
 */
export type SignalSource = "recorded" | "raw" | "mixed";

export interface Sourced {
  source: SignalSource;
  /** Where a range starts before the rules ran (source "mixed"): the first instant read recorded, unix seconds. */
  recordedFrom?: number;
}

/** A quiet suggestion on the overview: many services read from raw series, and how to record them. */
export interface RecordingRulesHint {
  kind: "recording_rules";
  /** Services whose values were read from raw series. */
  rawServices: number;
  /** The command that writes the rule file. */
  command: string;
  /** Where the server answers the same file. */
  href: string;
}

export interface Window {
  /** Evaluation instant of current values, unix seconds. */
  at: number;
  /** rate() window of current values and status, seconds: the same whatever the range. */
  window: number;
  /** rate() window of the range's series, seconds (follows the step), where the answer has series. */
  seriesWindow?: number;
  from: number;
  to: number;
}

export interface SeriesAxis {
  start: number;
  step: number;
  /** Number of points in each Values array. */
  points: number;
}

/**
 * How one configured source (upstream) fared in a list answer: stale (its rows are its last good
 * copy) or failed (`error`, and no rows of it).
 */
export interface SourceState {
  name: string;
  stale: boolean;
  ageSeconds?: number;
  staleReason?: string;
  error?: { code: string; message: string };
}

/**
 * What every item of an answer (service, sparkline, node, alert, SLO) says of the source it came
 * from: its name ("default" for the single `prometheus:` block) and whether that source's part of
 * the answer is its last good copy. Set by the API (lib/api/sources.ts); the domain leaves it out.
 */
export interface FromSource {
  source?: string;
  stale?: boolean;
}

/** A list answer across sources: one state per source asked, in the configuration's order. */
export interface SourceStates {
  sources?: SourceState[];
}

export interface ServiceSummary extends FromSource {
  name: string;
  namespace?: string;
  convention: string;
  /** requests per second */
  requestRate: number | null;
  /** failed / all, 0..1; null when there were no requests */
  errorRatio: number | null;
  latency: Latency;
  /** False where the convention's duration histogram has no status label: latencySuccess and latencyFailure are then null, not measured. */
  latencyByOutcome: boolean;
  latencySuccess: Latency;
  latencyFailure: Latency;
  /** Scrape targets of the service (`up`), where the service label is `job`. */
  instances: { up: number; total: number } | null;
  status: ServiceStatus;
  statusReasons: string[];
  /** Sparklines over the range, when asked for with `series=true`. */
  series?: ServiceSparkline;
}

/**
 * A service's trends over the range, at the response's `axis`: rate, error ratio, p50/p90/p99 of
 * successful requests (of all where `latencyByOutcome` is false) and failed p99.
 */
export interface ServiceSparkline {
  requestRate: Values;
  errorRatio: Values;
  p50: Values;
  p90: Values;
  p99: Values;
  p99Failure: Values;
}

/** `GET /api/v1/services?series=only`: the overview's sparklines without current values. */
export interface ServiceSparklinesResponse extends Window, Freshness, Sourced, SourceStates {
  conventions: string[];
  axis: SeriesAxis;
  services: ({ name: string; namespace?: string; convention: string; series: ServiceSparkline } & FromSource)[];
}

export interface ServicesResponse extends Window, Freshness, Sourced, SourceStates {
  conventions: string[];
  services: ServiceSummary[];
  /** Present when the answer has a hint (many services from raw series). */
  hints?: RecordingRulesHint[];
  /** Only when no service was found. */
  discovery?: DiscoveryHints;
  axis?: SeriesAxis;
  thresholds: { errorRatio: { degraded: number; failing: number }; p99Seconds: { degraded: number; failing: number } };
}

/** One service an ambiguous name may mean, as a 409 `ambiguous_service` lists it: its page's link included. */
export interface ServiceCandidate {
  name: string;
  namespace?: string;
  /** Where several sources are configured: the candidate's. */
  source?: string;
  href: string;
}

/** `[[unixSeconds, value | null], …]` */
export type Points = [number, number | null][];

export interface NamedSeries {
  name: string;
  points: Points;
}

/**
 * A service's page. `source` is of its current values and range series; the breakdowns by route,
 * status code and instance are always read from raw series (one service's, so they stay cheap).
 */
export interface ServiceDetailResponse extends Window, Freshness, Sourced {
  step: number;
  service: ServiceSummary;
  series: {
    requestRate: Points;
    errorRatio: Points;
    latency: { p50: Points; p90: Points; p99: Points };
    latencySuccess: { p50: Points; p90: Points; p99: Points };
    latencyFailure: { p50: Points; p90: Points; p99: Points };
    /** Requests per second by status class (2xx, 4xx, 5xx…). */
    byStatusClass: NamedSeries[];
  };
  /** Top routes, status codes and instances by traffic, the rest summed as "others". */
  breakdowns: { byRoute: NamedSeries[] | null; byStatusCode: NamedSeries[]; byInstance: NamedSeries[] };
  /**
   * The service's SLOs at `at` (the same state as in GET /api/v1/slos), each with its SLI over the range
   * and its burndown; absent when the upstream failed them (the rest of the page still answers).
   */
  slos?: ServiceSlo[];
}

/** One source in `/api/v1/status`: where it is (no credentials), what it selects, and whether it answers. */
export interface SourceStatus {
  name: string;
  url: string;
  selector?: Record<string, string>;
  reachable: boolean;
  version: string | null;
  error?: string;
}

/** How one convention fared in discovery. */
export interface ConventionStatus {
  name: string;
  /** From the config file, not a built-in preset. */
  custom: boolean;
  /** Its request metric exists upstream. */
  inUse: boolean;
  /** Its duration histogram's `_bucket` exists upstream. */
  histogram: boolean;
  /** Services it owns (the first convention, in precedence order, that reports a service owns it). */
  services: number;
  /** For a convention in use that owns no service: why, in a sentence; null otherwise or when unknown. */
  why: string | null;
  requests: string;
  duration: string;
  serviceLabel: string;
  /** signalboard's recording rules for this convention, as the upstream's evaluation marker tells. */
  rules: ConventionRules;
}

/** Installed: our definition evaluated within the last hour; outdated: another definition was; absent: none was. */
export type RulesState = "installed" | "outdated" | "absent";

export interface ConventionRules {
  state: RulesState;
  /** Unix seconds: the first evaluation of our definition within the maximum range; null when none. */
  since: number | null;
  /** Unix seconds: the last evaluation of our definition (or, when outdated, of the other); null when none. */
  lastEvaluation: number | null;
}

/** What an empty services answer adds, so the page can say how to get services onto it. */
export interface DiscoveryHints {
  /** Every convention's request metric, in precedence order. */
  lookedFor: string[];
  /** Upstream metric names that look like request counters or duration histograms, best first. */
  suggestions: string[];
}

/** `GET /api/v1/status`: whether the upstream answers, the conventions it found, and the server's thresholds and limits. */
export interface StatusResponse {
  /** The source the rest of the answer is about: the one asked with `source=`, else the first configured. */
  upstream: { url: string; reachable: boolean; version: string | null; error: string | null };
  /** Every configured source (only the one asked with `source=`). */
  sources?: SourceStatus[];
  scrapeIntervalSeconds: number;
  /** How far back `services` counts a service as found. */
  lookbackSeconds: number;
  /** Every convention, custom ones first, in precedence order. */
  conventions: ConventionStatus[];
  thresholds: { errorRatio: { degraded: number; failing: number }; p99Seconds: { degraded: number; failing: number } };
  limits: { maxRangeDays: number; maxSeries: number; minRefreshSeconds: number };
  /** How many SLOs the discovered services have, and what is wrong with their configuration. */
  slos: { count: number; warnings: SloWarning[] };
}
