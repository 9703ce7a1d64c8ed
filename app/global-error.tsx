"use client";

import { PageMessage } from "@/components/app/PageMessage";
import "./globals.css";

interface GlobalErrorProps {
  error: Error & { digest?: string };
  retry: () => void;
}

/** Replaces the root layout when it fails itself, so it brings its own document and styles. */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  return (
    <html lang="en">
      <body>
        <title>Error · signalboard</title>
        <PageMessage
          title="signalboard failed to render"
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
      </body>
    </html>
  );
}
