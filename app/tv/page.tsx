import type { Metadata } from "next";
import { TvClient } from "./client";
import { parseTvSearchParams } from "./search-params";

interface TvPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "signalboard · wall" };

/** `/tv`: the information radiator for a wall screen. */
export default async function TvPage({ searchParams }: TvPageProps) {
  return <TvClient view={parseTvSearchParams(await searchParams)} />;
}
