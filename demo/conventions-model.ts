// What the conventions simulator and the OpenTelemetry services serve, shared with the history
// backfill (demo/history.ts), so that both speak of the same routes, buckets, rates and error ratios.

export const CONVENTION_RATE = 5; // requests per second per service
export const CONVENTION_ERROR_RATIO = 0.002; // 500 or 503
export const CONVENTION_NOT_FOUND_RATIO = 0.01; // 404: not an error
export const CONVENTION_SIGMA = 0.5; // log-normal spread of durations

/** 5xx with the given ratio, about 1 % 404s (not errors), else 200. */
export function conventionStatus(errorRatio = CONVENTION_ERROR_RATIO): number {
  const r = Math.random();
  if (r < errorRatio) return Math.random() < 0.5 ? 500 : 503;
  return r < errorRatio + CONVENTION_NOT_FOUND_RATIO ? 404 : 200;
}

// instrumentation-http's explicitBucketBoundaries advice for http.server.request.duration.
export const OTEL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
export const LEGACY_OTEL_BUCKETS = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
export const ISTIO_BUCKETS = [
  1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

/** [method, route, median ms] of the OpenTelemetry services (demo/otel-service.ts), one process each. */
export const otelRoutes: Record<string, [string, string, number][]> = {
  search: [
    ["GET", "/search", 40],
    ["GET", "/search/suggest", 10],
  ],
  ads: [
    ["GET", "/ads", 15],
    ["POST", "/ads/:id/click", 8],
  ],
};

/** [method, route, median ms] of the legacy OpenTelemetry service `email`. */
export const legacyRoutes: [string, string, number][] = [
  ["POST", "/send", 120],
  ["GET", "/templates", 20],
];

/** One Istio service: who calls it, which workloads serve it, how much, how fast and how often it fails. */
export interface IstioService {
  service: string;
  namespace: string;
  sources: string[];
  workloads: string[];
  rate: number; // requests per second
  medianMs: number;
  errorRatio: number;
}

// Bookinfo: productpage calls reviews (v1 without ratings, v2 and v3 with), reviews v2/v3 call ratings.
// A second copy of reviews runs in `staging` with less traffic, slower and failing more: the same
// service name in two namespaces, which the dashboard must show as two services. Its 3 % of 5xx put
// it over the MeshErrorRatio rule's 1 % (demo/prometheus/rules/mesh.yml), which bookinfo's 0.2 % never reach.
export const istioServices: IstioService[] = [
  {
    service: "reviews",
    namespace: "bookinfo",
    sources: ["productpage-v1"],
    workloads: ["reviews-v1", "reviews-v2", "reviews-v3"],
    rate: CONVENTION_RATE,
    medianMs: 30,
    errorRatio: 0.002,
  },
  {
    service: "ratings",
    namespace: "bookinfo",
    sources: ["reviews-v2", "reviews-v3"],
    workloads: ["ratings-v1"],
    rate: CONVENTION_RATE,
    medianMs: 8,
    errorRatio: 0.002,
  },
  {
    service: "reviews",
    namespace: "staging",
    sources: ["productpage-v1"],
    workloads: ["reviews-v3"],
    rate: 2,
    medianMs: 60,
    errorRatio: 0.03,
  },
];

/** The labels of one Istio request as a sidecar reports it (without reporter and security policy). */
export function istioLabels(
  spec: IstioService,
  source: string,
  workload: string,
  responseCode: string,
): Record<string, string> {
  const { service, namespace } = spec;
  return {
    source_workload: source,
    source_workload_namespace: namespace,
    source_app: source.replace(/-v\d+$/, ""),
    destination_workload: workload,
    destination_workload_namespace: namespace,
    destination_app: service,
    destination_version: workload.replace(/^.*-/, ""),
    destination_service: `${service}.${namespace}.svc.cluster.local`,
    destination_service_name: service,
    destination_service_namespace: namespace,
    request_protocol: "http",
    response_code: responseCode,
    response_flags: "-",
  };
}

/** The server's sidecar (reporter "destination"), the one the dashboard's Istio preset reads. */
export const ISTIO_DESTINATION = { reporter: "destination", connection_security_policy: "mutual_tls" } as const;
