import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { decodeUser, USER_HEADER } from "@/lib/server/auth";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Written by proxy.ts's gate alone: whatever a client sent under this name is gone by now.
  const user = decodeUser((await headers()).get(USER_HEADER));
  return (
    <html lang="en">
      <body>
        <Providers user={user}>{children}</Providers>
      </body>
    </html>
  );
}
