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
