import { usePathname, useRouter } from "next/navigation";
import { useCallback } from "react";
import { viewHref, type ViewState } from "@/lib/ui/url-state";

/**
 * Writes a new view into the URL. The page's server component parses the URL again and hands the
 * new view down, so the URL stays the one source of truth and every screen is a shareable link.
 * `replace`, not `push`: twenty range clicks should not take twenty Back presses to undo.
 * `hrefOf` builds the page's own link where its URL holds more than the view (a service's namespace).
 */
export function useSetView(hrefOf?: (next: ViewState) => string): (next: ViewState) => void {
  const router = useRouter();
  const pathname = usePathname();
  return useCallback(
    (next: ViewState) => router.replace(hrefOf ? hrefOf(next) : viewHref(pathname, next), { scroll: false }),
    [router, pathname, hrefOf],
  );
}
