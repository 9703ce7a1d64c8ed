import type { Metadata } from "next";
import { ServiceClient } from "./client";
import { parseServiceName, parseServiceSearchParams } from "./search-params";

interface ServicePageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ServicePageProps): Promise<Metadata> {
  return { title: `${parseServiceName((await params).name)} · signalboard` };
}

/** `/services/{name}`: one service's RED over the range, with breakdowns. */
export default async function ServicePage({ params, searchParams }: ServicePageProps) {
  const [{ name }, raw] = await Promise.all([params, searchParams]);
  return <ServiceClient name={parseServiceName(name)} view={parseServiceSearchParams(raw)} />;
}
