import type { Metadata } from "next";
import { NodeClient } from "./client";
import { parseNodeName, parseNodeSearchParams } from "./search-params";

interface NodePageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: NodePageProps): Promise<Metadata> {
  return { title: `${parseNodeName((await params).name)} · signalboard` };
}

/** `/nodes/{name}`: one node's USE over the range, its filesystems and its Kubernetes state. */
export default async function NodePage({ params, searchParams }: NodePageProps) {
  const [{ name }, raw] = await Promise.all([params, searchParams]);
  return <NodeClient name={parseNodeName(name)} view={parseNodeSearchParams(raw)} />;
}
