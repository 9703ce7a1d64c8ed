// What the conventions simulator serves, shared with the history backfill (demo/history.ts), so
// that both speak of the same routes, buckets, rates and error ratios.

export const CONVENTION_RATE = 5; // requests per second per service
export const CONVENTION_ERROR_RATIO = 0.002; // 500 or 503
export const CONVENTION_NOT_FOUND_RATIO = 0.01; // 404: not an error
export const CONVENTION_SIGMA = 0.5; // log-normal spread of durations

export const OTEL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
export const LEGACY_OTEL_BUCKETS = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
export const ISTIO_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

/** [method, route, median ms] of the OpenTelemetry services. */
export const otelRoutes: Record<string, [string, string, number][]> = {
  search: [['GET', '/search', 40], ['GET', '/search/suggest', 10]],
  ads: [['GET', '/ads', 15], ['POST', '/ads/:id/click', 8]],
};

/** [method, route, median ms] of the legacy OpenTelemetry service `email`. */
export const legacyRoutes: [string, string, number][] = [['POST', '/send', 120], ['GET', '/templates', 20]];

// Bookinfo: productpage calls reviews (v1 without ratings, v2 and v3 with), reviews v2/v3 call ratings.
export const istioCalls: Record<string, { sources: string[]; workloads: string[]; medianMs: number; errorRatio: number }> = {
  reviews: { sources: ['productpage-v1'], workloads: ['reviews-v1', 'reviews-v2', 'reviews-v3'], medianMs: 30, errorRatio: 0.002 },
  ratings: { sources: ['reviews-v2', 'reviews-v3'], workloads: ['ratings-v1'], medianMs: 8, errorRatio: 0.002 },
};

/** The labels of one Istio request as a sidecar reports it (without reporter and security policy). */
export function istioLabels(service: string, source: string, workload: string, responseCode: string): Record<string, string> {
  return {
    source_workload: source,
    source_workload_namespace: 'bookinfo',
    source_app: source.replace(/-v\d+$/, ''),
    destination_workload: workload,
    destination_workload_namespace: 'bookinfo',
    destination_app: service,
    destination_version: workload.replace(/^.*-/, ''),
    destination_service: `${service}.bookinfo.svc.cluster.local`,
    destination_service_name: service,
    destination_service_namespace: 'bookinfo',
    request_protocol: 'http',
    response_code: responseCode,
    response_flags: '-',
  };
}

/** The server's sidecar (reporter "destination"), the one the dashboard's Istio preset reads. */
export const ISTIO_DESTINATION = { reporter: 'destination', connection_security_policy: 'mutual_tls' } as const;
