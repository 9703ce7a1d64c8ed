"use client";

import { RenderErrorMessage } from "@/components/app/PageMessage";
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
        <RenderErrorMessage title="signalboard failed to render" error={error} retry={retry} />
      </body>
    </html>
  );
}
