/**
 * The PromQL queries (instant and range) signalboard has sent to each source, read from its own
 * /metrics text (`signalboard_upstream_queries_total`, labelled by endpoint and source): the bench
 * and the tests count a page's queries per source with it.
 */
export function promqlQueriesBySource(exposition: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of exposition.matchAll(/^signalboard_upstream_queries_total\{([^}]*)\} (\S+)$/gm)) {
    const labels = m[1] ?? "";
    if (!/endpoint="query(_range)?"/.test(labels)) continue;
    const source = /source="([^"]*)"/.exec(labels)?.[1] ?? "?";
    out[source] = (out[source] ?? 0) + Number(m[2]);
  }
  return out;
}
