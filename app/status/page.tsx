import type { Metadata } from "next";
import { parseOverviewSearchParams } from "@/app/search-params";
import { StatusClient } from "./client";

interface StatusPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "Status · signalboard" };

/** `/status`: whether the upstream answers, and what each convention found in it. */
export default async function StatusPage({ searchParams }: StatusPageProps) {
  // The shared view only for its zone and theme, and to keep the range for the way back.
  return <StatusClient view={parseOverviewSearchParams(await searchParams)} />;
}
