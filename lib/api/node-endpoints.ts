import "server-only";
import { nodeDetail } from "@/lib/signals/node-detail";
import { nodesOverview } from "@/lib/signals/nodes";
import { withRequestTimes } from "./context";
import { parseName } from "./params";

/** GET /api/v1/nodes */
export async function getNodes(request: Request) {
  const { deps, times } = withRequestTimes(request);
  return nodesOverview(deps, times);
}

/** GET /api/v1/nodes/{name}: `name` is a node_exporter instance or a Kubernetes node name. */
export async function getNode(request: Request, params: Record<string, string>) {
  const name = parseName(params.name ?? "", "name");
  const { deps, times } = withRequestTimes(request);
  return nodeDetail(deps, times, name);
}
