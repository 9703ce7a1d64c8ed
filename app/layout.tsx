import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "signalboard",
  description: "RED per service, USE per node, alerts: the cluster at a glance.",
};

export const viewport: Viewport = {
  colorScheme: "dark light",
};

// Every page, the not-found page included, is rendered per request: its scripts carry that request's
// CSP nonce (proxy.ts), which a page prerendered at build time could not.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
