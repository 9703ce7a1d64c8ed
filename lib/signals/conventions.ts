import { conventionSchema, type Config, type Convention } from "@/lib/config/schema";

/**
 * Built-in conventions, in order of precedence: where two find a service of the same name, the
 * earlier one wins (custom conventions from the config file come before all of these).
 */
export const PRESETS: readonly Convention[] = [
  // prom-client with express-prom-bundle naming; the histogram's _count is the request counter.
  {
    name: "prom-client",
    requests: "http_request_duration_seconds_count",
    duration: "http_request_duration_seconds",
    serviceLabel: "job",
    statusLabel: "status_code",
    routeLabel: "route",
  },
  // OpenTelemetry HTTP semantic conventions (stable, seconds) as the SDK's own Prometheus exporter
  // writes them: no unit suffix. Seen from @opentelemetry/instrumentation-http 0.301.0 with
  // exporter-prometheus 0.301.0 (demo/otel-service.ts; pinned in conventions.test.ts):
  //   # UNIT http_server_request_duration s
  //   http_server_request_duration_count{http_request_method="GET",url_scheme="http",network_protocol_version="1.1",http_route="/search",http_response_status_code="200",otel_scope_name="@opentelemetry/instrumentation-http",otel_scope_version="0.301.0"} 12
  //   target_info{service_name="search"} 1
  // The service is `job`: Prometheus sets it from the scrape config on every series, while
  // service.name is only in target_info and would need a join per query (and a target_info that
  // withoutTargetInfo can turn off); OpenTelemetry's Prometheus compatibility spec maps
  // service.name to job too. Stable names need no OTEL_SEMCONV_STABILITY_OPT_IN: this version of
  // the instrumentation emits only them.
  {
    name: "otel-http",
    requests: "http_server_request_duration_count",
    duration: "http_server_request_duration",
    serviceLabel: "job",
    statusLabel: "http_response_status_code",
    routeLabel: "http_route",
  },
  // The same metric through the Collector's Prometheus exporter or Prometheus's OTLP receiver,
  // which add the unit suffix (otlptranslator's default UnderscoreEscapingWithSuffixes). No real
  // Collector runs here, so these names are from that translation, not from an observed exposition.
  {
    name: "otel-http-collector",
    requests: "http_server_request_duration_seconds_count",
    duration: "http_server_request_duration_seconds",
    serviceLabel: "job",
    statusLabel: "http_response_status_code",
    routeLabel: "http_route",
  },
  // OpenTelemetry HTTP semantic conventions before 1.20 (http.server.duration, milliseconds), with
  // the unit suffix the Collector or an OTLP receiver adds. The current instrumentation-http
  // (0.301.0) emits only the stable metric, so demo/conventions-sim.ts writes these by hand for
  // `email`. (Older Node SDKs, e.g. instrumentation-http 0.52.1 with its exporter-prometheus, wrote
  // `http_server_duration` without a suffix: read from their source, not matched by this preset.)
  {
    name: "otel-http-legacy",
    requests: "http_server_duration_milliseconds_count",
    duration: "http_server_duration_milliseconds",
    durationUnit: "milliseconds",
    serviceLabel: "job",
    statusLabel: "http_status_code",
  },
  {
    name: "spring-micrometer",
    requests: "http_server_requests_seconds_count",
    duration: "http_server_requests_seconds",
    serviceLabel: "job",
    statusLabel: "status",
    routeLabel: "uri",
  },
  // Istio counts each request on both sides; the destination side is the service's own view.
  {
    name: "istio",
    requests: "istio_requests_total",
    duration: "istio_request_duration_milliseconds",
    durationUnit: "milliseconds",
    serviceLabel: "destination_service_name",
    namespaceLabel: "destination_service_namespace",
    statusLabel: "response_code",
    instanceLabel: "destination_workload",
    matchers: { reporter: "destination" },
  },
  {
    name: "linkerd",
    requests: "response_total",
    duration: "response_latency_ms",
    durationUnit: "milliseconds",
    serviceLabel: "deployment",
    namespaceLabel: "namespace",
    statusLabel: "classification",
    errorStatus: "failure",
    instanceLabel: "pod",
    matchers: { direction: "inbound" },
  },
  {
    name: "ingress-nginx",
    requests: "nginx_ingress_controller_requests",
    duration: "nginx_ingress_controller_request_duration_seconds",
    serviceLabel: "service",
    namespaceLabel: "namespace",
    statusLabel: "status",
    routeLabel: "path",
  },
  {
    name: "traefik",
    requests: "traefik_service_requests_total",
    duration: "traefik_service_request_duration_seconds",
    serviceLabel: "service",
    statusLabel: "code",
  },
  // The presets below find the services every cluster has and gRPC servers. Their duration
  // histograms carry no status label, except otel-rpc's: latency by outcome is not measured.
  // Prometheus's own HTTP API and UI (prometheus/prometheus web/web.go, instrumentHandler):
  // `prometheus_http_requests_total{handler, code}` and `prometheus_http_request_duration_seconds{handler}`.
  {
    name: "prometheus",
    requests: "prometheus_http_requests_total",
    duration: "prometheus_http_request_duration_seconds",
    durationHasStatus: false,
    serviceLabel: "job",
    statusLabel: "code",
    routeLabel: "handler",
  },
  // kube-apiserver (kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/metrics/metrics.go):
  // `apiserver_request_total{verb, group, version, resource, subresource, scope, component, code}`,
  // `apiserver_request_duration_seconds` with the same labels but code. Long-running requests are
  // left out as the kubernetes-mixin does: verb!~"WATCH|CONNECT" (rules/kube_apiserver-histogram)
  // and its kubeApiserverNonStreamingSelector subresource!~"proxy|attach|log|exec|portforward"
  // (kubernetes-monitoring/kubernetes-mixin config.libsonnet). Errors are 5xx, as the mixin's.
  {
    name: "kube-apiserver",
    requests: "apiserver_request_total",
    duration: "apiserver_request_duration_seconds",
    durationHasStatus: false,
    serviceLabel: "job",
    statusLabel: "code",
    routeLabel: "resource",
    exclude: { subresource: "proxy|attach|log|exec|portforward", verb: "WATCH|CONNECT" },
  },
  // CoreDNS 1.7.0 and later (coredns/coredns plugin/metrics/README.md and vars/vars.go; before 1.7
  // the counter was coredns_dns_response_rcode_count_total, not covered): the counter is
  // `coredns_dns_responses_total{server, zone, view, rcode, plugin}`, not `coredns_dns_requests_total`,
  // because only responses carry the rcode; every request is answered once. SERVFAIL is the
  // server's failure; NXDOMAIN and REFUSED answer the client's question. Duration:
  // `coredns_dns_request_duration_seconds{server, zone, view, type}`.
  {
    name: "coredns",
    requests: "coredns_dns_responses_total",
    duration: "coredns_dns_request_duration_seconds",
    durationHasStatus: false,
    serviceLabel: "job",
    statusLabel: "rcode",
    errorStatus: "SERVFAIL",
    routeLabel: "zone",
  },
  // gRPC servers with grpc-ecosystem/go-grpc-middleware providers/prometheus (formerly
  // go-grpc-prometheus): `grpc_server_handled_total{grpc_type, grpc_service, grpc_method, grpc_code}`
  // and the opt-in `grpc_server_handling_seconds{grpc_type, grpc_service, grpc_method}`. The service
  // is `job`, the process, as for the HTTP presets: one server serves several proto services (its
  // own and grpc.health.v1.Health), which as services of their own would split one server and count
  // no scrape targets. Errors are the codes that mean the server failed (Unknown, DeadlineExceeded,
  // Unimplemented, Internal, Unavailable, DataLoss); InvalidArgument, NotFound, PermissionDenied,
  // Unauthenticated, Canceled… are the client's and count as answered.
  {
    name: "grpc-go",
    requests: "grpc_server_handled_total",
    duration: "grpc_server_handling_seconds",
    durationHasStatus: false,
    serviceLabel: "job",
    statusLabel: "grpc_code",
    errorStatus: "Unknown|DeadlineExceeded|Unimplemented|Internal|Unavailable|DataLoss",
    routeLabel: "grpc_method",
  },
  // OpenTelemetry RPC semantic conventions: `rpc.server.duration` (ms) with `rpc.service`,
  // `rpc.method` and `rpc.grpc.status_code`, exported to Prometheus as
  // `rpc_server_duration_milliseconds{rpc_service, rpc_method, rpc_grpc_status_code}`. The same
  // server failures as grpc-go, by number: 2, 4, 12, 13, 14, 15. Newer semantic conventions move to
  // seconds (`rpc_server_call_duration_seconds`, semantic-conventions PR 2961). Not checked against
  // a real exporter: OpenTelemetry for Node's instrumentation-grpc 0.300.0 writes spans with these
  // attributes and no metric (see demo/preset-fixtures.ts); the metric comes from other languages'
  // instrumentations, such as the Java agent's grpc-1.6.
  {
    name: "otel-rpc",
    requests: "rpc_server_duration_milliseconds_count",
    duration: "rpc_server_duration_milliseconds",
    durationUnit: "milliseconds",
    serviceLabel: "job",
    statusLabel: "rpc_grpc_status_code",
    errorStatus: "2|4|12|13|14|15",
    routeLabel: "rpc_method",
  },
  // Envoy's /stats/prometheus (Contour, Gateway proxies): `cluster.<name>.upstream_rq_<code>` becomes
  // `envoy_cluster_upstream_rq{envoy_cluster_name, envoy_response_code}` by Envoy's default tag
  // extractors (source/common/config/well_known_names.cc; the same selector is Flagger's request
  // success rate for Contour, Gloo and App Mesh); `upstream_rq_time` is the histogram
  // `envoy_cluster_upstream_rq_time` in milliseconds, by cluster only. The service is the upstream cluster.
  {
    name: "envoy",
    requests: "envoy_cluster_upstream_rq",
    duration: "envoy_cluster_upstream_rq_time",
    durationUnit: "milliseconds",
    durationHasStatus: false,
    serviceLabel: "envoy_cluster_name",
    statusLabel: "envoy_response_code",
  },
].map((c) => conventionSchema.parse(c));

/** The configured conventions followed by the presets (when enabled), in precedence order. */
export function allConventions(cfg: Config): Convention[] {
  const custom = cfg.services.conventions;
  const names = new Set(custom.map((c) => c.name));
  return cfg.services.presets ? [...custom, ...PRESETS.filter((p) => !names.has(p.name))] : [...custom];
}

/** The conventions whose request metric exists upstream. */
export function conventionsInUse(conventions: readonly Convention[], metricNames: readonly string[]): Convention[] {
  const present = new Set(metricNames);
  return conventions.filter((c) => present.has(c.requests));
}
