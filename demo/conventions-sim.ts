// Synthetic services instrumented with other conventions than prom-client, so the dashboard's
// presets can be tested against a real Prometheus: OpenTelemetry HTTP semantic conventions (search, ads),
// legacy OpenTelemetry (email) and Istio (reviews, ratings; bookinfo namespace).
// Usage: node --import tsx demo/conventions-sim.ts --port 9132
import { parseArgs } from 'node:util';
import { CounterFamily, Exposition, HistogramFamily, serveExposition } from './exposition';
import { logNormal, pick, poisson } from './random';

const RATE = 5; // requests per second per service
const TICK_MS = 200;

const otel = new HistogramFamily(
  'http_server_request_duration_seconds',
  'Duration of HTTP server requests.',
  [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
);
const legacyOtel = new HistogramFamily(
  'http_server_duration_milliseconds',
  'Measures the duration of inbound HTTP requests.',
  [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000],
);
const istioRequests = new CounterFamily('istio_requests_total', 'Total requests.');
const istioDuration = new HistogramFamily(
  'istio_request_duration_milliseconds',
  'Request duration in milliseconds.',
  [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000],
);

/** 5xx with the given ratio, about 1 % 404s (not errors), else 200. */
function status(errorRatio: number): number {
  const r = Math.random();
  if (r < errorRatio) return pick([500, 503]);
  return r < errorRatio + 0.01 ? 404 : 200;
}

const otelRoutes: Record<string, [string, string, number][]> = {
  search: [['GET', '/search', 40], ['GET', '/search/suggest', 10]],
  ads: [['GET', '/ads', 15], ['POST', '/ads/:id/click', 8]],
};

function otelRequest(service: string): void {
  const [method, route, medianMs] = pick(otelRoutes[service] ?? []);
  otel.observe(
    { job: service, http_request_method: method, http_route: route, http_response_status_code: String(status(0.002)), url_scheme: 'http' },
    logNormal(medianMs, 0.5) / 1000,
  );
}

function legacyRequest(): void {
  const [method, route, medianMs] = pick<[string, string, number]>([['POST', '/send', 120], ['GET', '/templates', 20]]);
  legacyOtel.observe(
    { job: 'email', http_method: method, http_route: route, http_status_code: String(status(0.002)), http_scheme: 'http' },
    logNormal(medianMs, 0.5),
  );
}

// Bookinfo: productpage calls reviews (v1 without ratings, v2 and v3 with), reviews v2/v3 call ratings.
const istioCalls: Record<string, { sources: string[]; workloads: string[]; medianMs: number; errorRatio: number }> = {
  reviews: { sources: ['productpage-v1'], workloads: ['reviews-v1', 'reviews-v2', 'reviews-v3'], medianMs: 30, errorRatio: 0.002 },
  ratings: { sources: ['reviews-v2', 'reviews-v3'], workloads: ['ratings-v1'], medianMs: 8, errorRatio: 0.002 },
};

function istioRequest(service: string): void {
  const spec = istioCalls[service];
  if (!spec) return;
  const workload = pick(spec.workloads);
  const source = pick(spec.sources);
  const ms = logNormal(spec.medianMs, 0.5);
  const base = {
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
    response_code: String(status(spec.errorRatio)),
    response_flags: '-',
  };
  // Both sidecars report every request: the server's (destination) and the client's (source),
  // which adds the network hop. Summing over both reporters would count it twice.
  for (const [reporter, policy, extraMs] of [['destination', 'mutual_tls', 0], ['source', 'unknown', 0.6]] as const) {
    const labels = { reporter, ...base, connection_security_policy: policy };
    istioRequests.inc(labels);
    istioDuration.observe(labels, ms + extraMs);
  }
}

function tick(): void {
  const perTick = (RATE * TICK_MS) / 1000;
  const arrivals = (f: () => void) => {
    for (let n = poisson(perTick); n > 0; n--) f();
  };
  arrivals(() => otelRequest('search'));
  arrivals(() => otelRequest('ads'));
  arrivals(legacyRequest);
  arrivals(() => istioRequest('reviews'));
  arrivals(() => istioRequest('ratings'));
}

function render(): string {
  const out = new Exposition();
  for (const family of [otel, legacyOtel, istioRequests, istioDuration]) family.writeTo(out);
  return out.text();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = Number(values.port);
  await serveExposition(port, { '/metrics': render });
  setInterval(tick, TICK_MS);
  console.log(`conventions exporter on 127.0.0.1:${port}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
