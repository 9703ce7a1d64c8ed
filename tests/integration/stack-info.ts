/** Ports of the integration stack (shifted by TEST_PORT_OFFSET): apart from the demo's (9090, 3000), so both can run at once. */
import { TEST_PORT_OFFSET } from "../port-offset";

export const INTEGRATION_BASE_PORT = 19090 + TEST_PORT_OFFSET;
export const INTEGRATION_DASHBOARD_PORT = 13000 + TEST_PORT_OFFSET;

export interface StackInfo {
  prometheusUrl: string;
  controlUrl: string;
  dashboardUrl: string;
  /** Prometheus's query_log_file: one JSON line per query it evaluated. */
  queryLog: string;
  nodeExporterInstance: string;
  /** A Prometheus scraping the same targets that loads signalboard's rules about 100 s after the setup (reader-prometheus.ts). */
  readerPrometheusUrl: string;
}

/** Ports of the extra dashboards and Prometheus some tests start beside the shared stack. */
export const EXTRA_PORTS = {
  dashboards: [INTEGRATION_DASHBOARD_PORT + 1, INTEGRATION_DASHBOARD_PORT + 2],
  prometheus: INTEGRATION_BASE_PORT + 50,
  /** Nothing listens here: an upstream that refuses every connection. */
  closed: INTEGRATION_BASE_PORT + 51,
  /** A Prometheus scraping the shared stack's targets with signalboard's recording rules loaded (recorded-stack.ts). */
  recordedPrometheus: INTEGRATION_BASE_PORT + 52,
  /** The recorded-reader test's, started by the global setup (reader-prometheus.ts). */
  readerPrometheus: INTEGRATION_BASE_PORT + 53,
  /** A Prometheus scraping the shared stack's targets with the SLO rules loaded (slo-rules.test.ts). */
  sloPrometheus: INTEGRATION_BASE_PORT + 54,
  /** The container image's dashboard under crun (image.test.ts), and the slow proxy to Prometheus it reads through. */
  container: INTEGRATION_DASHBOARD_PORT + 3,
  slowProxy: INTEGRATION_BASE_PORT + 55,
  /** The mutual-TLS gateway in front of the shared Prometheus (tls-gateway.test.ts). */
  tlsGateway: INTEGRATION_BASE_PORT + 56,
  /** sources.test.ts: a Prometheus under /prom, a second Prometheus holding two clusters, and VictoriaMetrics. */
  sourcesPrometheusPrefixed: INTEGRATION_BASE_PORT + 57,
  sourcesPrometheusClusters: INTEGRATION_BASE_PORT + 58,
  sourcesVictoriaMetrics: INTEGRATION_BASE_PORT + 59,
};
