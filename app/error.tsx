"use client";

import { useEffect } from "react";
import { RenderErrorMessage } from "@/components/app/PageMessage";

interface RouteErrorProps {
  error: Error & { digest?: string };
  /** Next 16.3+: fetches the segment again and re-renders it (the stable name of `unstable_retry`). */
  retry: () => void;
}

/**
 * A render error that no panel boundary caught: the page says what failed instead of going blank.
 */
export default function RouteError({ error, retry }: RouteErrorProps) {
  useEffect(() => console.error(error), [error]);
  return <RenderErrorMessage title="This page failed to render" error={error} retry={retry} />;
}
