import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { parseViewState, type ViewState } from "@/lib/ui/url-state";

/**
 * The view as the page's URL states it. For components whose contract takes data only (NodeGrid,
 * which the TV page embeds too) yet must link "with the current range".
 */
export function useUrlView(): ViewState {
  const params = useSearchParams();
  return useMemo(() => parseViewState(params), [params]);
}
