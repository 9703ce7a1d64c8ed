import type { Freshness, Window } from "@/lib/model/types";
import type { TimeZoneMode, ViewState } from "@/lib/ui/url-state";

/** What every graph on a detail page (service or node) shares: the range, the zone, the marker and the data's freshness. */
export interface GraphFrame {
  /** The requested range, unix seconds. */
  domain: [number, number];
  /** Seconds between points, as the API stated it. */
  step: number;
  tz: TimeZoneMode;
  /** The `at` of an incident link, unix seconds; null when the URL has none. */
  marker: number | null;
  /** Still waiting for the first answer. */
  loading: boolean;
  /** The data is the server's last good copy. */
  stale: boolean;
}

/** Graph height, px: five charts fit a 1080p screen with the heading. */
export const GRAPH_HEIGHT = 210;
/** Panel body: the chart plus its unit/legend line. */
export const PANEL_BODY_HEIGHT = GRAPH_HEIGHT + 26;
/** Cursors move together across the page's charts. */
export const SYNC_ID = "detail";

/** What a detail answer says of its range and freshness. */
export type FramedAnswer = Pick<Window, "from" | "to" | "at"> & Pick<Freshness, "stale"> & { step: number };

/**
 * The one frame of both detail pages' graphs. The marker is the answer's `at` when the URL names one:
 * the API keeps exactly the instant an absolute link names, and evaluates a relative one ("now-5m")
 * at that instant aligned to the scrape interval, so the marker is where the current values are from.
 */
export function graphFrame(data: FramedAnswer | undefined, view: Pick<ViewState, "at" | "tz">): GraphFrame {
  return {
    domain: data ? [data.from, data.to] : [0, 1],
    step: data?.step ?? 0,
    tz: view.tz,
    marker: data && view.at !== null ? data.at : null,
    loading: !data,
    stale: data?.stale ?? false,
  };
}
