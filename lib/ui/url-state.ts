// The view state every page keeps in its URL, so any screen an on-call engineer looks at is a link.
// Time parameters follow Grafana (`from=now-1h&to=now`, epoch ms, RFC 3339) and pass to the API as written.
import { servicePageHref, type ServiceId } from "@/lib/identity/service-identity";
import { parseTime } from "@/lib/time/parse-time";
import { parseSourceParam } from "./sources";

export const REFRESH_OPTIONS = ["off", "10s", "30s", "1m", "5m"] as const;
export type Refresh = (typeof REFRESH_OPTIONS)[number];

export const TIME_ZONES = ["local", "UTC"] as const;
export type TimeZoneMode = (typeof TIME_ZONES)[number];

export const THEMES = ["dark", "light"] as const;
export type Theme = (typeof THEMES)[number];

/** `status` keeps the API's order: worst first. */
export const SORT_KEYS = ["status", "name", "traffic", "errors", "latency", "budget"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ViewState {
  /** Grafana-style time text as written in the URL; null when absent. */
  from: string | null;
  to: string | null;
  /** The instant of interest (an alert, an incident); null when absent. */
  at: string | null;
  refresh: Refresh;
  tz: TimeZoneMode;
  theme: Theme;
  sort: SortKey;
  /** Filter on service name and namespace. */
  q: string;
  /** Narrows every answer to one source (upstream); "" for all of them. */
  source: string;
}

export const DEFAULT_VIEW: ViewState = {
  from: null,
  to: null,
  at: null,
  refresh: "30s",
  tz: "local",
  theme: "dark",
  sort: "status",
  q: "",
  source: "",
};

/** The range presets of the picker; each is `from=now-X&to=now`. */
export const RANGE_PRESETS = [
  { id: "15m", label: "15m", from: "now-15m" },
  { id: "1h", label: "1h", from: "now-1h" },
  { id: "6h", label: "6h", from: "now-6h" },
  { id: "24h", label: "24h", from: "now-24h" },
  { id: "7d", label: "7d", from: "now-7d" },
] as const;
export type RangePresetId = (typeof RANGE_PRESETS)[number]["id"];

/** A link with only `at` opens this many seconds either side of it. */
const AT_HALF_WINDOW_SECONDS = 30 * 60;
// The API refuses longer parameters; a longer value cannot be a time anyway.
const MAX_TIME_TEXT = 64;
const MAX_FILTER = 100;

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(raw: RawSearchParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

/** True when `text` is a time the API accepts (checked against a fixed `now`: only the syntax matters). */
export function isTimeText(text: string): boolean {
  if (text.length === 0 || text.length > MAX_TIME_TEXT) return false;
  try {
    parseTime(text, 0);
    return true;
  } catch {
    return false;
  }
}

function timeOrNull(v: string | undefined): string | null {
  const t = v?.trim();
  return t && isTimeText(t) ? t : null;
}

function oneOf<T extends string>(options: readonly T[], v: string | undefined, fallback: T): T {
  return options.find((o) => o === v) ?? fallback;
}

/** Reads the view from a URL query; anything missing or malformed takes its default, so a bad link still opens. */
export function parseViewState(raw: RawSearchParams): ViewState {
  return {
    from: timeOrNull(first(raw, "from")),
    to: timeOrNull(first(raw, "to")),
    at: timeOrNull(first(raw, "at")),
    refresh: oneOf(REFRESH_OPTIONS, first(raw, "refresh"), DEFAULT_VIEW.refresh),
    tz: oneOf(TIME_ZONES, first(raw, "tz"), DEFAULT_VIEW.tz),
    theme: oneOf(THEMES, first(raw, "theme"), DEFAULT_VIEW.theme),
    sort: oneOf(SORT_KEYS, first(raw, "sort"), DEFAULT_VIEW.sort),
    q: (first(raw, "q") ?? "").slice(0, MAX_FILTER),
    source: parseSourceParam(first(raw, "source")),
  };
}

/** Writes the view as a query string (no `?`), in a fixed key order and without defaults, so equal views are equal links. */
export function serializeViewState(view: ViewState): string {
  const out = new URLSearchParams();
  if (view.from !== null) out.set("from", view.from);
  if (view.to !== null) out.set("to", view.to);
  if (view.at !== null) out.set("at", view.at);
  for (const key of ["refresh", "tz", "theme", "sort", "q", "source"] as const) {
    if (view[key] !== DEFAULT_VIEW[key]) out.set(key, view[key]);
  }
  return out.toString();
}

/** A link to `pathname` that keeps the view. */
export function viewHref(pathname: string, view: ViewState): string {
  const query = serializeViewState(view);
  return query ? `${pathname}?${query}` : pathname;
}

/** The link to one service's page (with its namespace where it has one), keeping the view. */
export function serviceHref(id: ServiceId, view: ViewState): string {
  // The service's own source wins over the view's, and is written once.
  return servicePageHref(id, serializeViewState(id.source ? { ...view, source: "" } : view));
}

/** What every data request sends besides its own parameters: the view's time and, when narrowed, its source. */
export interface ApiTimeParams {
  from?: string;
  to?: string;
  at?: string;
  source?: string;
}

/**
 * The time parameters to send to the API. A link with only `at` (an alert's time) opens
 * at−30m … min(at+30m, now); `to` stays the word "now" while at+30m is in the future, so the
 * window keeps following the clock on refresh. Everything else passes through as written.
 */
export function apiTimeParams(
  view: Pick<ViewState, "from" | "to" | "at"> & { source?: string },
  nowSeconds: number,
): ApiTimeParams {
  const out: ApiTimeParams = view.source ? { source: view.source } : {};
  if (view.at !== null && view.from === null && view.to === null) {
    const at = Math.floor(parseTime(view.at, nowSeconds));
    out.from = String(at - AT_HALF_WINDOW_SECONDS);
    out.to = at + AT_HALF_WINDOW_SECONDS >= nowSeconds ? "now" : String(at + AT_HALF_WINDOW_SECONDS);
    out.at = view.at;
    return out;
  }
  if (view.from !== null) out.from = view.from;
  if (view.to !== null) out.to = view.to;
  if (view.at !== null) out.at = view.at;
  return out;
}

/** The preset the view's range is, or null for a custom range or an `at` window. */
export function activePreset(view: Pick<ViewState, "from" | "to" | "at">): RangePresetId | null {
  if (view.from === null && view.to === null) return view.at === null ? "1h" : null;
  if (view.to !== null && view.to !== "now") return null;
  return RANGE_PRESETS.find((p) => p.from === view.from)?.id ?? null;
}

/** The view after choosing a preset: a relative range ending now, without the `at` of a past incident. */
export function withPreset(view: ViewState, id: RangePresetId): ViewState {
  const preset = RANGE_PRESETS.find((p) => p.id === id);
  return { ...view, from: preset?.from ?? null, to: "now", at: null };
}

/** Milliseconds between refreshes, or false when refresh is off. */
export function refreshIntervalMs(refresh: Refresh): number | false {
  if (refresh === "off") return false;
  const n = Number(refresh.slice(0, -1));
  return refresh.endsWith("m") ? n * 60_000 : n * 1000;
}
