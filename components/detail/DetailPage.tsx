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
  /** A whole page in place of the panels for an API error that has one (404 `service_not_found`, 409 candidates); null for others. */
  pageFor: (error: ApiRequestError) => ReactNode;
  /** The heading, with as much as is known (nothing but the name while loading or when the first request failed). */
  heading: ReactNode;
  /** The title of the panel that says what failed when no data came at all: "Service data". */
  dataTitle: string;
  /** What the browser tab says: the name and its verdict. */
  tab: TabState;
  children: ReactNode;
}

/**
 * The frame both detail pages share: an error with a page of its own (404, 409) shows that page; a first request that fails shows the
 * heading and what failed, with a retry; otherwise the freshness banner, the heading and the panels.
 */
export function DetailPage({ query, pageFor, heading, dataTitle, tab, children }: DetailPageProps) {
  const page = query.error instanceof ApiRequestError ? pageFor(query.error) : null;
  if (page) return page;
  if (!query.data && query.isError) {
    return (
      <>
        <TabStatus status={tab} />
        {heading}
        <Panel
          title={dataTitle}
          status="error"
          errorText={describeError(query.error)}
          onRetry={() => void query.refetch()}
          height={160}
        />
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
