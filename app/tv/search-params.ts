// The wall screen's URL state, declared once: pages to rotate, how long each stays, refresh, zone, theme.
import type { RawSearchParams } from "@/lib/ui/url-state";
import { parseTvParams, type TvView } from "@/lib/ui/tv-params";

export type TvSearchParams = TvView;

/** Reads the wall screen's view from the page's search params; bad values fall back to the typed defaults. */
export function parseTvSearchParams(raw: RawSearchParams): TvSearchParams {
  return parseTvParams(raw);
}
