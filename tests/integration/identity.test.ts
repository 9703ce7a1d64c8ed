import { describe, expect, it, vi } from "vitest";
import type { AlertsResponse } from "@/lib/model/alert-types";
import type { ServiceDetailResponse, ServicesResponse, ServiceSummary } from "@/lib/model/types";
import { api, promQuery, upstreamQueriesContaining, waitFor } from "./helpers";

// The demo runs an Istio service `reviews` in two namespaces (demo/conventions-model.ts): bookinfo at
// 5 req/s and 0.2 % errors, staging at 2 req/s and 3 % errors, with MeshErrorRatio firing for staging only.
const NAMESPACES = ["bookinfo", "staging"] as const;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Prometheus's own single value for `query` at `at`; undefined when it has none. */
async function value(query: string, at: number): Promise<number | undefined> {
  const [first] = await promQuery(query, at);
  return first ? Number(first.value[1]) : undefined;
}

function reviewsRows(body: ServicesResponse): ServiceSummary[] {
  return body.services
    .filter((s) => s.name === "reviews")
    .sort((a, b) => (a.namespace ?? "").localeCompare(b.namespace ?? ""));
}

describe("one service name in two namespaces", () => {
  it("is two overview rows, each with its own numbers, equal to Prometheus's evaluation with the namespace matcher", async () => {
    const at = nowSeconds() - 12;
    const { status, body } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
    expect(status).toBe(200);
    const rows = reviewsRows(body);
    expect(rows.map((r) => [r.namespace, r.convention])).toEqual([
      ["bookinfo", "istio"],
      ["staging", "istio"],
    ]);
    const W = `${body.window}s`;
    for (const [i, ns] of NAMESPACES.entries()) {
      const row = rows[i];
      const rate = await value(
        `sum(rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace="${ns}"}[${W}]))`,
        at,
      );
      const failed = await value(
        `sum(rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace="${ns}",response_code=~"5.."}[${W}]))`,
        at,
      );
      const p99 = await value(
        `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_name="reviews",destination_service_namespace="${ns}",response_code!~"5.."}[${W}]))) / 1000`,
        at,
      );
      expect(rate, ns).toBeGreaterThan(0);
      expect(row?.requestRate, ns).toBeCloseTo(rate ?? NaN, 6);
      // No failed series in the window means none failed: 0, as the API says (docs/definitions.md).
      expect(row?.errorRatio, ns).toBeCloseTo((failed ?? 0) / (rate ?? NaN), 6);
      expect(row?.latencySuccess.p99, ns).toBeCloseTo(p99 ?? NaN, 6);
    }
    // Visibly different: bookinfo has 2.5 times staging's traffic.
    expect(rows[0]?.requestRate).toBeGreaterThan(rows[1]?.requestRate ?? Infinity);
  });

  it("has a page per namespace that answers its own series and breakdowns", async () => {
    const to = nowSeconds() - 10;
    const workloads: Record<string, string[]> = {
      bookinfo: ["reviews-v1", "reviews-v2", "reviews-v3"],
      staging: ["reviews-v3"],
    };
    const { body: list } = await api<ServicesResponse>(`/api/v1/services?from=${to - 900}&to=${to}`);
    for (const ns of NAMESPACES) {
      const { status, body } = await api<ServiceDetailResponse>(
        `/api/v1/services/reviews?namespace=${ns}&from=${to - 900}&to=${to}`,
      );
      expect(status, ns).toBe(200);
      expect(body.service, ns).toEqual(reviewsRows(list).find((r) => r.namespace === ns));
      expect(body.breakdowns.byInstance.map((s) => s.name).sort(), ns).toEqual(workloads[ns]);
      // The last points of the request rate, each as Prometheus evaluates the rate of that namespace alone then.
      const points = body.series.requestRate.filter(([, v]) => v !== null).slice(-3);
      expect(points.length, ns).toBe(3);
      for (const [t, v] of points) {
        const reference = await value(
          `sum(rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace="${ns}"}[${body.seriesWindow}s]))`,
          t,
        );
        expect(v, `${ns} at ${t}`).toBeCloseTo(reference ?? NaN, 6);
      }
    }
  });

  it("asked without a namespace, answers 409 ambiguous_service with both candidates", async () => {
    const { status, body } = await api<{
      error: { code: string; param: string; message: string; candidates: unknown[] };
    }>("/api/v1/services/reviews");
    expect(status).toBe(409);
    expect(body.error.code).toBe("ambiguous_service");
    expect(body.error.param).toBe("namespace");
    expect(body.error.candidates).toEqual([
      { name: "reviews", namespace: "bookinfo", href: "/services/reviews?namespace=bookinfo" },
      { name: "reviews", namespace: "staging", href: "/services/reviews?namespace=staging" },
    ]);
    // A name in one namespace only opens without it, as links written before namespaces did.
    const ratings = await api<ServiceDetailResponse>("/api/v1/services/ratings");
    expect(ratings.status).toBe(200);
    expect(ratings.body.service.namespace).toBe("bookinfo");
  });

  it("answers 404 for an unknown name or namespace without sending it to Prometheus", async () => {
    const token = `zz${Math.random().toString(36).slice(2, 10)}`;
    const unknownName = await api<{ error: { code: string; param: string } }>(`/api/v1/services/${token}`);
    expect(unknownName.status).toBe(404);
    expect(unknownName.body.error).toMatchObject({ code: "service_not_found", param: "name" });
    const unknownNamespace = await api<{ error: { code: string; param: string } }>(
      `/api/v1/services/reviews?namespace=${token}`,
    );
    expect(unknownNamespace.status).toBe(404);
    expect(unknownNamespace.body.error).toMatchObject({ code: "service_not_found", param: "namespace" });
    // A known one does reach the log, so the log is read where it is written.
    expect((await api(`/api/v1/services/reviews?namespace=staging&at=${nowSeconds() - 3}`)).status).toBe(200);
    // Prometheus writes its query log after answering, in order: once the known one is there, the earlier ones would be.
    await vi.waitFor(() =>
      expect(upstreamQueriesContaining('destination_service_namespace=\\"staging\\"').length).toBeGreaterThan(0),
    );
    expect(upstreamQueriesContaining(token)).toEqual([]);
  });

  it("attaches an alert to the namespace it fires for", async () => {
    // MeshErrorRatio has a 5-minute window and `for: 30s`: wait for Prometheus's own rule to fire.
    const at = await waitFor(
      "MeshErrorRatio firing",
      async () => {
        const t = nowSeconds() - 1;
        return (await promQuery('ALERTS{alertname="MeshErrorRatio",alertstate="firing"}', t)).length > 0
          ? t
          : undefined;
      },
      120_000,
    );
    const firing = await promQuery('ALERTS{alertname="MeshErrorRatio",alertstate="firing"}', at);
    expect(firing.map((a) => [a.metric.destination_service_name, a.metric.destination_service_namespace])).toEqual([
      ["reviews", "staging"],
    ]);

    const { body: alerts } = await api<AlertsResponse>("/api/v1/alerts");
    const mesh = alerts.alerts.filter((a) => a.name === "MeshErrorRatio");
    expect(mesh.map((a) => [a.service, a.namespace])).toEqual([["reviews", "staging"]]);

    const { body } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
    const [bookinfo, staging] = reviewsRows(body);
    expect(staging?.statusReasons).toContain("warning alert firing: MeshErrorRatio");
    expect(bookinfo?.statusReasons.join("; ")).not.toContain("MeshErrorRatio");
    for (const [ns, expected] of [
      ["staging", true],
      ["bookinfo", false],
    ] as const) {
      const { body: page } = await api<ServiceDetailResponse>(`/api/v1/services/reviews?namespace=${ns}&at=${at}`);
      expect(page.service.statusReasons.includes("warning alert firing: MeshErrorRatio"), ns).toBe(expected);
    }
  }, 150_000);
});
