"use client";

import { QueryClient, QueryClientProvider, keepPreviousData } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { SignedInUserProvider } from "@/components/app/signed-in-user";
import { isRetryable } from "@/lib/ui/fetch-json";

// Retry policy: a 4xx (bad link, unknown service) will not change, so it is shown at once; a network
// or upstream failure is retried twice with the default backoff (1 s, 2 s). The server already
// answers with a stale copy when Prometheus fails, so a failure that gets here is worth showing soon.
const MAX_RETRIES = 2;

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Changing the range keeps the old charts up until the new ones arrive: never a blank page.
        placeholderData: keepPreviousData,
        // Polling decides freshness; a focus refetch would only add a burst of duplicate queries.
        refetchOnWindowFocus: false,
        // A hidden tab (a wall screen switched away, a laptop closed) stops polling Prometheus.
        refetchIntervalInBackground: false,
        retry: (failures, error) => failures < MAX_RETRIES && isRetryable(error),
        // Data is fresh until the next poll; a remount within that time reuses it.
        staleTime: 5_000,
      },
    },
  });
}

export interface ProvidersProps {
  /** The signed-in user, for the header; null when nobody signed in (auth.mode none). */
  user: string | null;
  children: ReactNode;
}

/** The one QueryClient of the app, created once per browser session, and the signed-in user. */
export function Providers({ user, children }: ProvidersProps) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <SignedInUserProvider user={user}>{children}</SignedInUserProvider>
    </QueryClientProvider>
  );
}
