import "server-only";
import { nodeDetail } from "@/lib/signals/node-detail";
import { nodesOverview } from "@/lib/signals/nodes";
import { withRequestTimes, withTimes } from "./context";
import { watchLive } from "./live-warmer";
import { parseName, parseQuery, timeParams } from "./params";
import type { TimeInput } from "./query-times";

/** The nodes overview for these times as of `nowSeconds` (default now). */
function nodesAt(time: TimeInput, nowSeconds?: number) {
  const { deps, times } = withTimes(time, nowSeconds);
  return nodesOverview(deps, times);
}

/** GET /api/v1/nodes; a live viewer's question is kept warm for the next polls. */
export async function getNodes(request: Request) {
  const time = parseQuery(new URL(request.url), timeParams);
  const answer = nodesAt(time);
  watchLive("nodes", time, (now) => nodesAt(time, now));
  return answer;
}

/** GET /api/v1/nodes/{name}: `name` is a node_exporter instance or a Kubernetes node name. */
export async function getNode(request: Request, params: Record<string, string>) {
  const name = parseName(params.name ?? "", "name");
  const { deps, times } = withRequestTimes(request);
  return nodeDetail(deps, times, name);
}
