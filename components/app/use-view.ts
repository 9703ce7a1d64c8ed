import { usePathname, useRouter } from "next/navigation";
import { useCallback } from "react";
import { viewHref, type ViewState } from "@/lib/ui/url-state";

/**
 * Writes a new view into the URL. The page's server component parses the URL again and hands the
 * new view down, so the URL stays the one source of truth and every screen is a shareable link.
 * `replace`, not `push`: twenty range clicks should not take twenty Back presses to undo.
 */
export function useSetView(): (next: ViewState) => void {
  const router = useRouter();
  const pathname = usePathname();
  return useCallback((next: ViewState) => router.replace(viewHref(pathname, next), { scroll: false }), [router, pathname]);
}
