import type { TimeZoneMode } from "@/lib/ui/url-state";

/** What every graph on the service page shares: the range, the zone, the marker and the data's freshness. */
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
export const SYNC_ID = "service";
