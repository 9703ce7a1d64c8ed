// Fixture series for the presets of services no real client runs here (lib/signals/conventions.ts):
// the Kubernetes API server, CoreDNS, a Go gRPC server, an OpenTelemetry RPC server and Envoy. No
// Go binary, DNS server, apiserver or Envoy runs in the demo, so their expositions are written by
// hand, with the label names their own source gives (cited beside each preset). Prometheus itself
// is real: the demo Prometheus scrapes itself as job "prometheus". The otel-rpc fixture (pricing)
// is hand-written because OpenTelemetry for Node writes no gRPC metrics: tried with
// @opentelemetry/instrumentation-grpc 0.300.0 (the newest on npm) over @grpc/grpc-js 1.14.7 and
// a MeterProvider with exporter-prometheus 0.301.0, real unary calls ending OK, INTERNAL,
// UNAVAILABLE, NOT_FOUND and INVALID_ARGUMENT gave server spans (rpc.system, rpc.service,
// rpc.method, numeric rpc.grpc.status_code) and a /metrics of target_info alone ("# no registered
// metrics"); the package's source creates spans only, no meter instrument.
import { CounterFamily, HistogramFamily } from "./exposition";
import { logNormal, pick } from "./random";

export const PRESET_FIXTURE_RATE = 4; // requests per second per fixture service
// Server failures: under the 1 % that makes a service degraded, but seen in most windows of a minute.
export const PRESET_FIXTURE_ERROR_RATIO = 0.003;
const SIGMA = 0.5;

/** The service names the presets find in the fixtures: one each, distinct from the fleet's. */
export const presetFixtureServices = ["apiserver", "coredns", "stock", "pricing", "shipping"] as const;

// The client libraries' default buckets: client_golang's DefBuckets; Envoy's and OTel's in ms.
const GO_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const APISERVER_BUCKETS = [
  0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60,
];
const COREDNS_BUCKETS = [
  0.00025, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192,
];
const OTEL_MS_BUCKETS = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
const ENVOY_MS_BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

const apiRequests = new CounterFamily("apiserver_request_total", "Counter of apiserver requests.");
const apiDuration = new HistogramFamily(
  "apiserver_request_duration_seconds",
  "Response latency distribution.",
  APISERVER_BUCKETS,
);
const dnsRequests = new CounterFamily(
  "coredns_dns_requests_total",
  "Counter of DNS requests made per zone, protocol and family.",
);
const dnsResponses = new CounterFamily("coredns_dns_responses_total", "Counter of response status codes.");
const dnsDuration = new HistogramFamily(
  "coredns_dns_request_duration_seconds",
  "Histogram of the time (in seconds) each request took.",
  COREDNS_BUCKETS,
);
const grpcHandled = new CounterFamily(
  "grpc_server_handled_total",
  "Total number of RPCs completed on the server, regardless of success or failure.",
);
const grpcHandling = new HistogramFamily(
  "grpc_server_handling_seconds",
  "Histogram of response latency (seconds) of gRPC that had been application-level handled by the server.",
  GO_BUCKETS,
);
const rpcDuration = new HistogramFamily(
  "rpc_server_duration_milliseconds",
  "Measures the duration of inbound RPC.",
  OTEL_MS_BUCKETS,
);
const envoyRq = new CounterFamily("envoy_cluster_upstream_rq", "");
const envoyRqTime = new HistogramFamily("envoy_cluster_upstream_rq_time", "", ENVOY_MS_BUCKETS);

export const presetFamilies = [
  apiRequests,
  apiDuration,
  dnsRequests,
  dnsResponses,
  dnsDuration,
  grpcHandled,
  grpcHandling,
  rpcDuration,
  envoyRq,
  envoyRqTime,
];

/** The server's failure at the fixtures' error ratio, else the client's mistake (not an error) at 2 %, else success. */
function answer<T>(failure: T, clientMistake: T, ok: T): T {
  const r = Math.random();
  if (r < PRESET_FIXTURE_ERROR_RATIO) return failure;
  return r < PRESET_FIXTURE_ERROR_RATIO + 0.02 ? clientMistake : ok;
}

// [verb, resource, subresource, median ms]; a WATCH and an exec, which the preset leaves out, last for minutes.
const API_CALLS: [string, string, string, number][] = [
  ["GET", "pods", "", 8],
  ["LIST", "pods", "", 40],
  ["PATCH", "nodes", "status", 15],
  ["WATCH", "configmaps", "", 300_000],
  ["CONNECT", "pods", "exec", 60_000],
];

function apiserverRequest(): void {
  const [verb, resource, subresource, ms] = pick(API_CALLS);
  const labels = {
    job: "apiserver",
    component: "apiserver",
    dry_run: "",
    group: "",
    version: "v1",
    resource,
    subresource,
    scope: resource === "nodes" ? "cluster" : "namespace",
    verb,
  };
  apiRequests.inc({ ...labels, code: answer("500", "404", "200") });
  apiDuration.observe(labels, logNormal(ms, SIGMA) / 1000);
}

function corednsRequest(): void {
  const type = pick(["A", "AAAA", "SRV"]);
  const base = { job: "coredns", server: "dns://:53", zone: ".", view: "" };
  dnsRequests.inc({ ...base, proto: "udp", family: "1", type });
  const rcode = answer("SERVFAIL", "NXDOMAIN", "NOERROR");
  dnsResponses.inc({ ...base, rcode, plugin: rcode === "SERVFAIL" ? "" : "kubernetes" });
  dnsDuration.observe({ ...base, type }, logNormal(1, SIGMA) / 1000);
}

function grpcGoRequest(): void {
  const [service, method] = pick([
    ["stock.v1.StockService", "GetStock"],
    ["stock.v1.StockService", "Reserve"],
    ["grpc.health.v1.Health", "Check"],
  ] as const);
  const labels = { job: "stock", grpc_type: "unary", grpc_service: service, grpc_method: method };
  // NotFound is the client's mistake, not an error; Unavailable is the server's.
  const code = answer("Unavailable", "NotFound", "OK");
  grpcHandled.inc({ ...labels, grpc_code: code });
  grpcHandling.observe(labels, logNormal(12, SIGMA) / 1000);
}

function otelRpcRequest(): void {
  const method = pick(["Quote", "ListPrices"]);
  // Numeric gRPC codes: 14 Unavailable is the server's failure, 5 NotFound the client's.
  const code = answer("14", "5", "0");
  rpcDuration.observe(
    {
      job: "pricing",
      rpc_system: "grpc",
      rpc_service: "pricing.v1.PricingService",
      rpc_method: method,
      rpc_grpc_status_code: code,
    },
    logNormal(25, SIGMA),
  );
}

function envoyRequest(): void {
  const labels = { job: "envoy", envoy_cluster_name: "shipping" };
  envoyRq.inc({ ...labels, envoy_response_code: answer("503", "404", "200") });
  envoyRqTime.observe(labels, logNormal(30, SIGMA));
}

/** One request of each fixture service, called at PRESET_FIXTURE_RATE per second each. */
export const presetRequests = [apiserverRequest, corednsRequest, grpcGoRequest, otelRpcRequest, envoyRequest];
