"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { TabStatus } from "@/components/app/TabStatus";
import { QueryFreshnessBanner } from "@/components/states/FreshnessBanner";
import { Panel } from "@/components/states/Panel";
import type { Freshness } from "@/lib/model/types";
import { ApiRequestError, describeError } from "@/lib/ui/fetch-json";
import type { TabStatus as TabState } from "@/lib/ui/tab-status";

export interface DetailPageProps {
  /** The page's one query: every panel draws from its answer. */
  query: Pick<UseQueryResult<Freshness>, "data" | "dataUpdatedAt" | "isError" | "error" | "refetch">;
  /** The API's code for "no such thing" (`service_not_found`), answered with `notFound` instead of the page. */
  notFoundCode: string;
  notFound: ReactNode;
  /** The heading, with as much as is known (nothing but the name while loading or when the first request failed). */
  heading: ReactNode;
  /** The title of the panel that says what failed when no data came at all: "Service data". */
  dataTitle: string;
  /** What the browser tab says: the name and its verdict. */
  tab: TabState;
  children: ReactNode;
}

/**
 * The frame both detail pages share: a 404 is its own page; a first request that fails shows the
 * heading and what failed, with a retry; otherwise the freshness banner, the heading and the panels.
 */
export function DetailPage({ query, notFoundCode, notFound, heading, dataTitle, tab, children }: DetailPageProps) {
  if (query.error instanceof ApiRequestError && query.error.code === notFoundCode) return notFound;
  if (!query.data && query.isError) {
    return (
      <>
        <TabStatus status={tab} />
        {heading}
        <Panel title={dataTitle} status="error" errorText={describeError(query.error)} onRetry={() => void query.refetch()} height={160} />
      </>
    );
  }
  return (
    <>
      <QueryFreshnessBanner query={query} />
      <TabStatus status={tab} />
      {heading}
      {children}
    </>
  );
}
