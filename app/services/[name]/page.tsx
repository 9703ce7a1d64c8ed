import type { Metadata } from "next";
import { identityLabel } from "@/lib/identity/service-identity";
import { ServiceClient } from "./client";
import { parseServiceIdentity, parseServiceSearchParams } from "./search-params";

interface ServicePageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params, searchParams }: ServicePageProps): Promise<Metadata> {
  const id = parseServiceIdentity((await params).name, await searchParams);
  return { title: `${identityLabel(id)} · signalboard` };
}

/** `/services/{name}?namespace=…`: one service's RED over the range, with breakdowns. */
export default async function ServicePage({ params, searchParams }: ServicePageProps) {
  const [{ name }, raw] = await Promise.all([params, searchParams]);
  return <ServiceClient id={parseServiceIdentity(name, raw)} view={parseServiceSearchParams(raw)} />;
}
