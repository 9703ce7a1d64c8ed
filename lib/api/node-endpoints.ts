import "server-only";
import { getConfig } from "@/lib/config";
import { getUpstream } from "@/lib/prometheus/upstream";
import type { SignalDeps } from "@/lib/signals/discovery";
import { nodeDetail } from "@/lib/signals/node-detail";
import { nodesOverview } from "@/lib/signals/nodes";
import { parseName, parseQuery, timeParams } from "./params";
import { queryTimesNow } from "./query-times";

function deps(): SignalDeps {
  return { upstream: getUpstream(), cfg: getConfig() };
}


/** GET /api/v1/nodes */
export async function getNodes(request: Request) {
  const q = parseQuery(new URL(request.url), timeParams);
  const d = deps();
  return nodesOverview(d, queryTimesNow(d.cfg, q));
}

/** GET /api/v1/nodes/{name}: `name` is a node_exporter instance or a Kubernetes node name. */
export async function getNode(request: Request, params: Record<string, string>) {
  const name = parseName(params.name ?? "", "name");
  const q = parseQuery(new URL(request.url), timeParams);
  const d = deps();
  return nodeDetail(d, queryTimesNow(d.cfg, q), name);
}
