import { apiRoute } from "@/lib/api/handler";
import { getNode } from "@/lib/api/node-endpoints";

export const dynamic = "force-dynamic";
export const GET = apiRoute("/api/v1/nodes/[name]", getNode);
