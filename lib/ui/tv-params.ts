// The wall screen's URL: `/tv?pages=services,nodes,alerts&every=30s&refresh=30s&tz=UTC&theme=light`.
// Parsed once; a bad value falls back to its default, because nobody is at a wall screen to fix a link.
import { parseDuration } from "@/lib/time/parse-time";
import {
  REFRESH_OPTIONS,
  THEMES,
  TIME_ZONES,
  refreshIntervalMs,
  type RawSearchParams,
  type Refresh,
  type Theme,
  type TimeZoneMode,
} from "./url-state";
import { parseSourceParam } from "./sources";

const TV_PAGES = ["services", "nodes", "alerts"] as const;
export type TvPage = (typeof TV_PAGES)[number];

export interface TvView {
  /** Full-screen pages to rotate through, in order; empty shows everything on one page. */
  pages: TvPage[];
  /** Seconds each page stays on screen. */
  everySeconds: number;
  /** Seconds between refreshes as asked for; the server's minimum still applies (`effectiveRefreshSeconds`). */
  refreshSeconds: number;
  tz: TimeZoneMode;
  theme: Theme;
  /** The one source the screen shows; "" for all. */
  source: string;
}

export const DEFAULT_TV_VIEW: TvView = {
  pages: [],
  everySeconds: 30,
  refreshSeconds: 30,
  tz: "local",
  theme: "dark",
  source: "",
};

// A page shown for less than this cannot be read; a refresh beyond an hour is not a live screen.
const EVERY_BOUNDS = { min: 5, max: 3600 };
const REFRESH_BOUNDS = { min: 1, max: 3600 };

function first(raw: RawSearchParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

// `30s`, `1m`, or bare seconds (`30`), within bounds; anything else is the default.
function seconds(text: string | undefined, bounds: { min: number; max: number }, fallback: number): number {
  if (!text) return fallback;
  const t = text.trim();
  let n: number;
  try {
    n = /^\d{1,7}$/.test(t) ? Number(t) : parseDuration(t);
  } catch {
    return fallback;
  }
  return n >= bounds.min && n <= bounds.max ? n : fallback;
}

function pages(text: string | undefined): TvPage[] {
  if (!text) return [];
  const out: TvPage[] = [];
  for (const part of text.split(",")) {
    const p = TV_PAGES.find((x) => x === part.trim().toLowerCase());
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** Reads the wall screen's view from its URL query. */
export function parseTvParams(raw: RawSearchParams): TvView {
  const oneOf = <T extends string>(options: readonly T[], v: string | undefined, fallback: T) =>
    options.find((o) => o === v) ?? fallback;
  return {
    pages: pages(first(raw, "pages")),
    everySeconds: seconds(first(raw, "every"), EVERY_BOUNDS, DEFAULT_TV_VIEW.everySeconds),
    refreshSeconds: seconds(first(raw, "refresh"), REFRESH_BOUNDS, DEFAULT_TV_VIEW.refreshSeconds),
    tz: oneOf(TIME_ZONES, first(raw, "tz"), DEFAULT_TV_VIEW.tz),
    theme: oneOf(THEMES, first(raw, "theme"), DEFAULT_TV_VIEW.theme),
    source: parseSourceParam(first(raw, "source")),
  };
}

/**
 * The refresh interval actually used: the asked-for one, never below the server's minimum. While the
 * minimum is unknown (the status call has not answered) there is no interval at all, so a screen never
 * polls faster than the server allows, not even for a moment.
 */
export function effectiveRefreshSeconds(requested: number, serverMinimum: number | null): number | null {
  return serverMinimum === null ? null : Math.max(requested, serverMinimum);
}

/** Which of `count` rotating pages is on screen at `nowMs`: derived from the clock, so no timer of its own. */
export function pageIndexAt(nowMs: number, everySeconds: number, count: number): number {
  if (count <= 1) return 0;
  return Math.floor(nowMs / (everySeconds * 1000)) % count;
}

/**
 * The interactive pages' refresh option closest to `seconds` without polling faster (up to the longest
 * option, 5 min): for hooks that take a page's view (`useNodes`). Equal for the usual values
 * (10 s, 30 s, 1 min, 5 min); "off" while the interval is unknown.
 */
export function refreshOptionAtLeast(seconds: number | null): Refresh {
  if (seconds === null) return "off";
  for (const option of REFRESH_OPTIONS) {
    const ms = refreshIntervalMs(option);
    if (ms !== false && ms >= seconds * 1000) return option;
  }
  return "5m";
}
