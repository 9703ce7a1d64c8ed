import { describe, expect, it } from "vitest";
import { AmbiguousError, NotFoundError } from "@/lib/errors";
import { resolveQueryTimes } from "@/lib/api/query-times";
import { configSchema } from "@/lib/config/schema";
import type { Upstream } from "@/lib/prometheus/upstream";
import { RULES_EVALUATED } from "@/lib/promql/recorded";
import { serviceDetail, statusClass } from "./service-detail";

describe("statusClass", () => {
  it.each([
    ["200", "2xx"],
    ["201", "2xx"],
    ["404", "4xx"],
    ["503", "5xx"],
    ["101", "1xx"],
    ["failure", "failure"],
    ["success", "success"],
    ["600", "600"],
    ["2000", "2000"],
    ["", "unknown"],
  ])("puts %j in %j", (code, expected) => {
    expect(statusClass(code)).toBe(expected);
  });
});

describe("serviceDetail", () => {
  // What Prometheus's 'seen' answer holds: checkout (prom-client), reviews in two namespaces (Istio).
  const SEEN: Record<string, string>[] = [
    { service: "checkout", job: "checkout", convention: "prom-client" },
    {
      service: "reviews",
      namespace: "bookinfo",
      destination_service_name: "reviews",
      destination_service_namespace: "bookinfo",
      convention: "istio",
    },
    {
      service: "reviews",
      namespace: "staging",
      destination_service_name: "reviews",
      destination_service_namespace: "staging",
      convention: "istio",
    },
  ];

  /**
   * Runs serviceDetail against an upstream that knows SEEN and no recording rules, recording
   * "<kind> <time> <query>" of every call but the two about the rules (`markers`).
   */
  async function detail(
    asked: { name: string; namespace?: string },
    input = { from: "1763796400", to: "1763800000", at: "1763797000" },
  ) {
    const asks: string[] = [];
    const markers: string[] = [];
    const ok = <T>(data: T) => ({
      value: { data, warnings: [] },
      stale: false,
      ageSeconds: 0,
      outcome: "miss" as const,
    });
    const upstream: Upstream = {
      instant: async (query, at) => {
        if (query.includes(RULES_EVALUATED)) {
          markers.push(query);
          return ok([]);
        }
        asks.push(`instant ${at} ${query}`);
        return ok(query.includes("last_over_time") ? SEEN.map((labels) => ({ labels, value: 1 })) : []);
      },
      range: async (query) => {
        asks.push(`range ${query}`);
        return ok([]);
      },
      metricNames: async () => ok(["http_request_duration_seconds_count", "istio_requests_total"]),
      alerts: () => Promise.reject(new Error("unused")),
      rules: () => Promise.reject(new Error("unused")),
      buildInfo: () => Promise.reject(new Error("unused")),
    };
    const t = resolveQueryTimes(input, 1_763_800_000, {
      scrapeIntervalSeconds: 5,
      maxRangeDays: 31,
      statusWindowSeconds: 60,
    });
    const cfg = configSchema.parse({ prometheus: { scrapeIntervalSeconds: 5 } });
    const result = await serviceDetail({ upstream, cfg }, t, asked).catch((e: unknown) => e);
    return { result, asks, markers };
  }

  it("asks about the recording rules without naming the service, and reads raw series where there are none", async () => {
    const { result, markers } = await detail({ name: "checkout" });
    expect(markers).toEqual([
      'label_replace(min_over_time(signalboard_convention:rules:evaluation_timestamp_seconds[31d]), "bound", "since", "", "")' +
        ' or label_replace(last_over_time(signalboard_convention:rules:evaluation_timestamp_seconds[1h]), "bound", "last", "", "")',
    ]);
    expect(result).toMatchObject({ source: "raw" });
    expect(result).not.toHaveProperty("recordedFrom");
  });

  it("finds the service in the range's 'seen' answer, asked at the range's end without any name, before querying it", async () => {
    const { result, asks } = await detail({ name: "checkout" });
    expect(result).toMatchObject({ service: { name: "checkout", convention: "prom-client", status: "idle" } });
    expect(asks[0]).toBe(
      'instant 1763800000 (label_replace(label_replace(group by (job) (last_over_time(http_request_duration_seconds_count[1h])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", ""))' +
        ' or (label_replace(label_replace(label_replace(group by (destination_service_name, destination_service_namespace) (last_over_time(istio_requests_total{reporter="destination"}[1h])), "service", "$1", "destination_service_name", "(.*)"), "namespace", "$1", "destination_service_namespace", "(.*)"), "convention", "istio", "", ""))',
    );
    // Then the current values at `at`, and the range series, of the owner's convention only; and the
    // SLOs' questions, the list's own over every convention: the bucket boundaries and one per window
    // (seven burn windows and the 30-day period), at `at`, and whether the SLO rules run; and two
    // range queries of this service's own: its SLIs over the range, and its burndowns over the period.
    const rest = asks.slice(1);
    const slo = rest.filter(
      (q) => q.includes('"slo_part"') || q.includes("group by (le)") || q.includes("signalboard_slo:rules:"),
    );
    expect(slo).toHaveLength(12);
    expect(slo.filter((q) => q.startsWith("instant 1763797000 "))).toHaveLength(8);
    expect(slo.filter((q) => q.startsWith("range ") && q.includes('job="checkout"'))).toHaveLength(2);
    const own = rest.filter((q) => !slo.includes(q));
    expect(own.filter((q) => q.startsWith("instant 1763797000 "))).toHaveLength(6);
    expect(own.filter((q) => q.includes("istio_requests_total"))).toEqual([]);
    // Four of the six current values and all eight range series name it; targets and alerts do not, nor the SLOs' windows.
    expect(own).toHaveLength(14);
    expect(rest.filter((q) => q.includes('job="checkout"'))).toHaveLength(14);
  });

  it("queries a service of one namespace with its namespace matcher", async () => {
    const { result, asks } = await detail({ name: "reviews", namespace: "staging" });
    expect(result).toMatchObject({ service: { name: "reviews", namespace: "staging", convention: "istio" } });
    // Four current values, seven range series (Istio has no route label) and the SLI and burndown queries name it.
    const named = asks.filter((q) => q.includes('destination_service_name="reviews"'));
    expect(named).toHaveLength(13);
    for (const q of named)
      expect(q).toContain('destination_service_name="reviews",destination_service_namespace="staging"');
  });

  it("answers 409 with both candidates for a name in two namespaces asked without one, having asked only 'seen'", async () => {
    const { result, asks } = await detail({ name: "reviews" });
    expect(result).toBeInstanceOf(AmbiguousError);
    expect(result).toMatchObject({
      code: "ambiguous_service",
      param: "namespace",
      candidates: [
        { name: "reviews", namespace: "bookinfo", href: "/services/reviews?namespace=bookinfo" },
        { name: "reviews", namespace: "staging", href: "/services/reviews?namespace=staging" },
      ],
    });
    expect(asks).toHaveLength(1);
  });

  it.each([
    [{ name: 'nope"} or vector(1)' }, "name"],
    [{ name: "reviews", namespace: "prod" }, "namespace"],
    [{ name: "nope", namespace: "staging" }, "name"],
  ])("answers 404 for %j, naming %j, having sent nothing but 'seen'", async (asked, param) => {
    const { result, asks } = await detail(asked);
    expect(result).toBeInstanceOf(NotFoundError);
    expect(result).toMatchObject({ code: "service_not_found", param });
    expect(asks).toHaveLength(1);
    expect(asks[0]).not.toContain(asked.name);
  });
});
