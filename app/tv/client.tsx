"use client";

import { TvScreen } from "@/components/tv/TvScreen";
import type { TvView } from "@/lib/ui/tv-params";

export interface TvClientProps {
  view: TvView;
}

export function TvClient({ view }: TvClientProps) {
  return <TvScreen view={view} />;
}
