import { getSlos } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";
export const GET = apiRoute("/api/v1/slos", getSlos);
