// Several sources on one wall: a Prometheus served under /prom, a second Prometheus holding two
// "clusters" (target labels), and VictoriaMetrics, each scraping its own part of the shared stack's
// demo fleet. Five sources: a (/prom), b (all of the second), c1 and c2 (the second through a
// selector each), vm. Every expected value is the upstream's own evaluation of the same definition.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AlertsResponse } from "@/lib/model/alert-types";
import type { NodesResponse } from "@/lib/model/node-types";
import type { SlosResponse } from "@/lib/model/slo-types";
import type { ServiceDetailResponse, ServicesResponse, StatusResponse } from "@/lib/model/types";
import { portMap } from "../../demo/ports";
import {
  scratchDir,
  startConfiguredDashboard,
  startPrometheus,
  startVictoriaMetrics,
  type ExtraDashboard,
  type ExtraPrometheus,
  type ExtraVictoriaMetrics,
} from "./extra";
import { promQuery } from "./helpers";
import { EXTRA_PORTS, INTEGRATION_BASE_PORT } from "./stack-info";
import { promqlQueriesBySource } from "@/lib/metrics/queries-by-source";

const SCRAPE = 5;
const fleet = portMap(INTEGRATION_BASE_PORT).fleet;
const jobs = (services: string[], labels: (s: string) => Record<string, string> = () => ({})) =>
  services.map((s) => ({
    job_name: s,
    static_configs: [{ targets: fleet.filter((i) => i.service === s).map((i) => i.address), labels: labels(s) }],
  }));

/** Which services each source holds, and the matcher that keeps a query to it on its upstream. */
const EXPECTED: Record<string, { services: string[]; matcher: string }> = {
  a: { services: ["cart", "catalog", "frontend"], matcher: "" },
  b: { services: ["checkout", "payments"], matcher: "" },
  c1: { services: ["checkout"], matcher: 'cluster="c1"' },
  c2: { services: ["payments"], matcher: 'cluster="c2"' },
  vm: { services: ["inventory", "recommendations"], matcher: "" },
};
const NAMES = ["a", "b", "c1", "c2", "vm"];

let prefixed: ExtraPrometheus;
let clusters: ExtraPrometheus;
let vm: ExtraVictoriaMetrics;
let dashboard: ExtraDashboard;
const urlOf: Record<string, string> = {};

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${dashboard.url}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** The services of each source in an answer, sorted. */
const bySource = (body: ServicesResponse) => {
  const out: Record<string, string[]> = {};
  for (const s of body.services) (out[s.source ?? "?"] ??= []).push(s.name);
  for (const list of Object.values(out)) list.sort();
  return out;
};

/** PromQL queries (query and query_range) signalboard has sent, by source (its own /metrics). */
async function ourQueries(): Promise<Record<string, number>> {
  return promqlQueriesBySource(await (await fetch(`${dashboard.url}/metrics`)).text());
}

/** API queries in a Prometheus's query log (it logs PromQL only, not the label calls). */
const logged = (p: ExtraPrometheus) => {
  try {
    return readFileSync(p.queryLog, "utf8").split("\n").filter(Boolean).length;
  } catch {
    return 0;
  }
};

const LIVE = "/api/v1/services?from=now-5m&to=now";

beforeAll(async () => {
  [prefixed, clusters, vm] = await Promise.all([
    startPrometheus({
      dir: scratchDir("sources/prefixed"),
      port: EXTRA_PORTS.sourcesPrometheusPrefixed,
      scrapeIntervalSeconds: SCRAPE,
      scrapeConfigs: jobs(EXPECTED.a?.services ?? []),
      routePrefix: "/prom",
    }),
    startPrometheus({
      dir: scratchDir("sources/clusters"),
      port: EXTRA_PORTS.sourcesPrometheusClusters,
      scrapeIntervalSeconds: SCRAPE,
      scrapeConfigs: jobs(["checkout", "payments"], (s) => ({ cluster: s === "checkout" ? "c1" : "c2" })),
    }),
    startVictoriaMetrics({
      dir: scratchDir("sources/vm"),
      port: EXTRA_PORTS.sourcesVictoriaMetrics,
      scrapeIntervalSeconds: SCRAPE,
      scrapeConfigs: jobs(EXPECTED.vm?.services ?? []),
    }),
  ]);
  Object.assign(urlOf, { a: prefixed.url, b: clusters.url, c1: clusters.url, c2: clusters.url, vm: vm.url });
  const source = (name: string, extra = "") =>
    `  - name: ${name}\n    url: ${urlOf[name]}\n    timeoutSeconds: 3\n    scrapeIntervalSeconds: ${SCRAPE}\n${extra}`;
  dashboard = await startConfiguredDashboard({
    dir: scratchDir("sources/dashboard"),
    port: EXTRA_PORTS.dashboards[0] as number,
    yaml:
      "sources:\n" +
      source("a") +
      source("b") +
      source("c1", "    selector: {cluster: c1}\n") +
      source("c2", "    selector: {cluster: c2}\n") +
      source("vm") +
      "services:\n  presets: true\ncache:\n  keepWarmSeconds: 0\n",
  });
  // Until every source lists its services with traffic (two scrapes at least).
  await vi.waitFor(
    async () => {
      const { body } = await get<ServicesResponse>(LIVE);
      expect(bySource(body)).toEqual(Object.fromEntries(NAMES.map((n) => [n, EXPECTED[n]?.services])));
      for (const s of body.services) expect(s.requestRate, `${s.source}/${s.name}`).toBeGreaterThan(0);
    },
    { timeout: 40_000, interval: 1000 },
  );
}, 70_000);

afterAll(async () => {
  clusters?.pause(false);
  await Promise.all([dashboard?.stop(), prefixed?.stop(), clusters?.stop(), vm?.stop()]);
});

describe("several sources on one wall", () => {
  it("merges every source's rows with their source, each value its upstream's own evaluation", async () => {
    // Just behind now, off the scrape grid: the upstreams started moments ago, so their windows are short.
    const at = Math.floor(Date.now() / 1000) - 2 + 0.25;
    const { status, body } = await get<ServicesResponse>(`/api/v1/services?at=${at}`);
    expect(status).toBe(200);
    expect(body.stale).toBe(false);
    expect(body.sources).toEqual(NAMES.map((name) => ({ name, stale: false })));
    for (const s of body.services) expect(s.stale).toBe(false);
    for (const name of NAMES) {
      const { matcher } = EXPECTED[name] ?? { matcher: "" };
      const reference = await promQuery(
        `sum by (job) (rate(http_request_duration_seconds_count{${matcher}}[${body.window}s]))`,
        body.at,
        urlOf[name],
      );
      const rows = body.services.filter((s) => s.source === name);
      expect(rows.map((r) => r.name).sort()).toEqual(EXPECTED[name]?.services);
      expect(rows.some((r) => r.requestRate !== null)).toBe(true);
      for (const row of rows) {
        const ref = reference.find((r) => r.metric.job === row.name);
        if (ref === undefined) expect(row.requestRate, `${name}/${row.name}`).toBeNull();
        else expect(row.requestRate, `${name}/${row.name}`).toBeCloseTo(Number(ref.value[1]), 6);
      }
    }
  });

  it("narrows to one source with source=, and refuses a name not configured, listing the names", async () => {
    const only = await get<ServicesResponse>(`${LIVE}&source=vm`);
    expect(only.status).toBe(200);
    expect(bySource(only.body)).toEqual({ vm: ["inventory", "recommendations"] });
    expect(only.body.sources).toEqual([{ name: "vm", stale: false }]);
    const c2 = await get<ServicesResponse>(`${LIVE}&source=c2`);
    expect(bySource(c2.body)).toEqual({ c2: ["payments"] });
    const warmShapes = async () =>
      Number(/^signalboard_warm_shapes (\S+)$/m.exec(await (await fetch(`${dashboard.url}/metrics`)).text())?.[1]);
    const kept = await warmShapes();
    const bad = await get<{ error: { code: string; message: string; param: string } }>(`${LIVE}&source=eu`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: "invalid_param",
      message: 'source: no source is named "eu"; configured: a, b, c1, c2, vm',
      param: "source",
    });
    expect((await get("/api/v1/nodes?from=now-5m&to=now&source=eu")).status).toBe(400);
    // A refused question is not kept warm: it would take a live one's place and fail at every slot.
    expect(await warmShapes()).toBe(kept);
  });

  it("finds a service's source, and answers 409 with links carrying source= when several have the name", async () => {
    const one = await get<ServiceDetailResponse>("/api/v1/services/frontend?from=now-5m&to=now");
    expect(one.status).toBe(200);
    expect(one.body.service).toMatchObject({ name: "frontend", source: "a", stale: false });
    const both = await get<{ error: { code: string; candidates: { href: string }[] } }>(
      "/api/v1/services/checkout?from=now-5m&to=now",
    );
    expect(both.status).toBe(409);
    expect(both.body.error.code).toBe("ambiguous_service");
    expect(both.body.error.candidates.map((c) => c.href)).toEqual([
      "/services/checkout?source=b",
      "/services/checkout?source=c1",
    ]);
    const chosen = await get<ServiceDetailResponse>("/api/v1/services/checkout?from=now-5m&to=now&source=c1");
    expect(chosen.status).toBe(200);
    expect(chosen.body.service.source).toBe("c1");
  });

  it("lists every source on the other lists, status and readiness", async () => {
    for (const path of ["/api/v1/nodes", "/api/v1/alerts", "/api/v1/slos"]) {
      const { status, body } = await get<NodesResponse | AlertsResponse | SlosResponse>(path);
      expect(status, path).toBe(200);
      expect(body.sources?.map((s) => s.name)).toEqual(NAMES);
    }
    const { body } = await get<StatusResponse>("/api/v1/status");
    expect(body.sources?.map((s) => [s.name, s.url, s.selector ?? null, s.reachable])).toEqual([
      ["a", prefixed.url, null, true],
      ["b", clusters.url, null, true],
      ["c1", clusters.url, { cluster: "c1" }, true],
      ["c2", clusters.url, { cluster: "c2" }, true],
      ["vm", vm.url, null, true],
    ]);
    const ready = await get<{ ready: boolean; sources: { name: string }[] }>("/api/ready");
    expect(ready.status).toBe(200);
    expect(ready.body.sources.map((s) => s.name)).toEqual(NAMES);
  });

  it("asks each source the same constant number of queries per overview, as each upstream counts them", async () => {
    const at = Math.floor(Date.now() / 1000) - 20;
    const before = { ours: await ourQueries(), a: logged(prefixed), b: logged(clusters) };
    expect((await get<ServicesResponse>(`/api/v1/services?at=${at}`)).status).toBe(200);
    const after = { ours: await ourQueries(), a: logged(prefixed), b: logged(clusters) };
    const sent = Object.fromEntries(NAMES.map((n) => [n, (after.ours[n] ?? 0) - (before.ours[n] ?? 0)]));
    expect(sent.a).toBeGreaterThan(0);
    for (const n of NAMES) expect(sent[n], n).toBe(sent.a);
    // The upstreams' own logs: a's Prometheus saw a's queries; the clusters' one b's, c1's and c2's.
    expect(after.a - before.a).toBe(sent.a);
    expect(after.b - before.b).toBe((sent.b ?? 0) + (sent.c1 ?? 0) + (sent.c2 ?? 0));
  });

  it("shows a hung source's rows stale, the others live", async () => {
    const live = await get<ServicesResponse>(LIVE);
    expect(live.body.stale).toBe(false);
    clusters.pause(true);
    try {
      const stale = await vi.waitFor(
        async () => {
          const answer = await get<ServicesResponse>(LIVE);
          expect(answer.status).toBe(200);
          expect(answer.body.sources?.find((s) => s.name === "b")?.stale).toBe(true);
          return answer.body;
        },
        { timeout: 30_000, interval: 500 },
      );
      expect(stale.stale).toBe(true);
      expect(bySource(stale)).toEqual(bySource(live.body));
      for (const s of stale.services)
        expect(s.stale, `${s.source}/${s.name}`).toBe(["b", "c1", "c2"].includes(s.source ?? ""));
      expect(stale.sources?.filter((s) => s.stale).map((s) => s.name)).toEqual(["b", "c1", "c2"]);
    } finally {
      clusters.pause(false);
    }
  });
});
