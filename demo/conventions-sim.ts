// Synthetic services instrumented with other conventions than prom-client, so the dashboard's
// presets can be tested against a real Prometheus: legacy OpenTelemetry (email) and Istio (reviews,
// ratings in bookinfo; reviews in staging), and the fixtures of demo/preset-fixtures.ts (apiserver,
// coredns, stock, pricing, shipping). All are written by hand because no real client can run here:
// Istio's are written by its Envoy sidecars, the legacy OpenTelemetry names (http.server.duration in
// ms) are no longer emitted by any current @opentelemetry/instrumentation-http, and the fixtures'
// servers (kube-apiserver, CoreDNS, grpc-go, Envoy) are Go or C++.
// The stable OpenTelemetry services (search, ads) run the real SDK: demo/otel-service.ts.
// Usage: node --import tsx demo/conventions-sim.ts --port 9132
import { parseArgs } from "node:util";
import {
  CONVENTION_RATE,
  CONVENTION_SIGMA,
  ISTIO_BUCKETS,
  ISTIO_DESTINATION,
  LEGACY_OTEL_BUCKETS,
  conventionStatus,
  istioLabels,
  istioServices,
  legacyRoutes,
  type IstioService,
} from "./conventions-model";
import { CounterFamily, Exposition, HistogramFamily, serveExposition } from "./exposition";
import { PRESET_FIXTURE_RATE, presetFamilies, presetRequests } from "./preset-fixtures";
import { logNormal, pick, poisson } from "./random";

const TICK_MS = 200;

const legacyOtel = new HistogramFamily(
  "http_server_duration_milliseconds",
  "Measures the duration of inbound HTTP requests.",
  LEGACY_OTEL_BUCKETS,
);
const istioRequests = new CounterFamily("istio_requests_total", "Total requests.");
const istioDuration = new HistogramFamily(
  "istio_request_duration_milliseconds",
  "Request duration in milliseconds.",
  ISTIO_BUCKETS,
);

function legacyRequest(): void {
  const [method, route, medianMs] = pick(legacyRoutes);
  legacyOtel.observe(
    {
      job: "email",
      http_method: method,
      http_route: route,
      http_status_code: String(conventionStatus()),
      http_scheme: "http",
    },
    logNormal(medianMs, CONVENTION_SIGMA),
  );
}

function istioRequest(spec: IstioService): void {
  const workload = pick(spec.workloads);
  const source = pick(spec.sources);
  const ms = logNormal(spec.medianMs, CONVENTION_SIGMA);
  const base = istioLabels(spec, source, workload, String(conventionStatus(spec.errorRatio)));
  // Both sidecars report every request: the server's (destination) and the client's (source),
  // which adds the network hop. Summing over both reporters would count it twice.
  const sourceSide = { reporter: "source", connection_security_policy: "unknown" };
  for (const [side, extraMs] of [
    [ISTIO_DESTINATION, 0],
    [sourceSide, 0.6],
  ] as const) {
    const labels = { reporter: side.reporter, ...base, connection_security_policy: side.connection_security_policy };
    istioRequests.inc(labels);
    istioDuration.observe(labels, ms + extraMs);
  }
}

function tick(): void {
  const arrivals = (f: () => void, rate = CONVENTION_RATE) => {
    for (let n = poisson((rate * TICK_MS) / 1000); n > 0; n--) f();
  };
  arrivals(legacyRequest);
  for (const spec of istioServices) arrivals(() => istioRequest(spec), spec.rate);
  for (const request of presetRequests) arrivals(request, PRESET_FIXTURE_RATE);
}

function render(): string {
  const out = new Exposition();
  for (const family of [legacyOtel, istioRequests, istioDuration, ...presetFamilies]) family.writeTo(out);
  return out.text();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string" } } });
  const port = Number(values.port);
  await serveExposition(port, { "/metrics": render });
  setInterval(tick, TICK_MS);
  console.log(`conventions exporter on 127.0.0.1:${port}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
