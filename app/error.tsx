"use client";

import { useEffect } from "react";
import { PageMessage } from "@/components/app/PageMessage";

interface RouteErrorProps {
  error: Error & { digest?: string };
  /** Next 16.3+: fetches the segment again and re-renders it (the stable name of `unstable_retry`). */
  retry: () => void;
}

/**
 * A render error that no panel boundary caught: the page says what failed instead of going blank.
 * A server error's message is replaced by Next with a generic one; its digest finds it in the server log.
 */
export default function RouteError({ error, retry }: RouteErrorProps) {
  useEffect(() => console.error(error), [error]);
  return (
    <PageMessage
      title="This page failed to render"
      role="alert"
      action={
        <button type="button" onClick={retry}>
          Retry
        </button>
      }
    >
      <p>
        {error.message || "An unexpected error."}
        {error.digest && ` (digest ${error.digest}, in the server log)`}
      </p>
    </PageMessage>
  );
}
