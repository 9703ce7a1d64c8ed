"use client";

import { useEffect } from "react";
import { tabIconHref, type TabStatus as TabState } from "@/lib/ui/tab-status";

export interface TabStatusProps {
  status: TabState;
}

/**
 * Writes a page's verdict into its browser tab: the title and a coloured icon. The router rewrites
 * the title from the route's metadata on every navigation and search-parameter change, so this puts
 * it back whenever that happens rather than only when the verdict changes.
 */
export function TabStatus({ status }: TabStatusProps) {
  const { title, icon } = status;
  useEffect(() => {
    const link = document.createElement("link");
    link.rel = "icon";
    link.type = "image/svg+xml";
    link.href = tabIconHref(icon);
    // Browsers use the last icon in the head; removing it on unmount gives the page's own icon back.
    document.head.appendChild(link);
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const watch = new MutationObserver(apply);
    watch.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      watch.disconnect();
      link.remove();
    };
  }, [title, icon]);
  return null;
}
