import { useQuery } from "@tanstack/react-query";
import { slosQuery } from "@/components/app/queries";
import type { ViewState } from "@/lib/ui/url-state";

/** Every SLO's state at the view's instant, polled with the overview's rows. */
export function useSlos(view: ViewState) {
  return useQuery(slosQuery(view));
}
