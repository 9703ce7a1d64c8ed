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
  // OpenTelemetry HTTP semantic conventions (stable, seconds).
  {
    name: "otel-http",
    requests: "http_server_request_duration_seconds_count",
    duration: "http_server_request_duration_seconds",
    serviceLabel: "job",
    statusLabel: "http_response_status_code",
    routeLabel: "http_route",
  },
  // OpenTelemetry HTTP semantic conventions before 1.20 (milliseconds).
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
