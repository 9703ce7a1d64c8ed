import type { Metadata } from "next";
import { PageMessage } from "@/components/app/PageMessage";

export const metadata: Metadata = { title: "Page not found · signalboard" };

/** Any URL no page serves (paths under /api/ answer JSON instead, from app/api/[[...path]]). */
export default function NotFound() {
  return (
    <PageMessage title="Page not found" role="status">
      <p>
        signalboard has no page at this address. The pages are the overview, /services/&#123;name&#125;,
        /nodes/&#123;name&#125; and /tv.
      </p>
    </PageMessage>
  );
}
