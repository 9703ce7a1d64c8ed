import "server-only";
import { AmbiguousError } from "@/lib/errors";
import type { NodeDetailResponse } from "@/lib/model/node-types";
import { nodeDetail, resolveNode } from "@/lib/signals/node-detail";
import { loadNodes, nodesOverview } from "@/lib/signals/nodes";
import { FreshnessTracker } from "@/lib/signals/freshness";
import { sourceParams, timeAndSource, withTimes, type SourceAsk } from "./context";
import { liveKind } from "./endpoints";
import { watchLive } from "./live-warmer";
import { parseName, parseQuery, timeParams } from "./params";
import type { TimeInput } from "./query-times";
import { gather, mergeNodes, sourceKnowing } from "./sources";

/**
 * The nodes overview for these times as of `nowSeconds` (default now), across the sources asked. Not
 * async: bad times or an unknown source throw here, before the question is kept warm.
 */
function nodesAt(time: TimeInput, source: string | undefined, nowSeconds?: number) {
  const asks = withTimes(time, source, nowSeconds);
  return gather(asks, (s) => nodesOverview(s.deps, s.times)).then(mergeNodes);
}

/** GET /api/v1/nodes?source=; a live viewer's question is kept warm for the next polls (all its sources in one warm). */
export async function getNodes(request: Request) {
  const { source, ...time } = parseQuery(new URL(request.url), { ...timeParams, ...sourceParams });
  const answer = nodesAt(time, source);
  watchLive(liveKind("nodes", source), time, (now) => nodesAt(time, source, now));
  return answer;
}

/**
 * Which of the sources asked has the node: with several and no `source=`, the one that knows the
 * name (from the overview's cached inventory); several is a 409 `ambiguous_node`; none, the first's 404.
 */
async function sourceOfNode(asks: readonly SourceAsk[], name: string): Promise<SourceAsk> {
  return sourceKnowing(
    asks,
    async (s) => {
      const inv = await loadNodes(s.deps, s.times, new FreshnessTracker(), { filesystems: false });
      return resolveNode(inv.nodes, inv.kubernetesNodes, name) === null ? [] : [s.name];
    },
    (knowing) =>
      new AmbiguousError(
        "ambiguous_node",
        `"${name}" names a node in several sources (${knowing.map((s) => s.name).join(", ")}); say which with ?source=`,
        "source",
        knowing.map((s) => ({
          name,
          source: s.name,
          href: `/nodes/${encodeURIComponent(name)}?${new URLSearchParams({ source: s.name })}`,
        })),
      ),
  );
}

/** GET /api/v1/nodes/{name}?source=: `name` is a node_exporter instance or a Kubernetes node name. */
export async function getNode(request: Request, params: Record<string, string>): Promise<NodeDetailResponse> {
  const name = parseName(params.name ?? "", "name");
  const { source, ...time } = timeAndSource(request);
  const s = await sourceOfNode(withTimes(time, source), name);
  const answer = await nodeDetail(s.deps, s.times, name);
  const from = { source: s.name, stale: answer.stale };
  return {
    ...answer,
    node: answer.node && { ...answer.node, ...from },
    kubernetes: answer.kubernetes && { ...answer.kubernetes, ...from },
  };
}
