// Response shapes of the Prometheus HTTP API: https://prometheus.io/docs/prometheus/latest/querying/api/

export type Labels = Record<string, string>;
/** [unix seconds, value as Prometheus writes it: "1.5", "NaN", "+Inf"] */
export type RawSample = [number, string];

export interface VectorResult {
  resultType: "vector";
  result: { metric: Labels; value: RawSample }[];
}
export interface MatrixResult {
  resultType: "matrix";
  result: { metric: Labels; values: RawSample[] }[];
}
export interface ScalarResult {
  resultType: "scalar";
  result: RawSample;
}
export interface StringResult {
  resultType: "string";
  result: RawSample;
}
export type QueryResult = VectorResult | MatrixResult | ScalarResult | StringResult;

/** https://prometheus.io/docs/prometheus/latest/querying/api/#alerts */
export interface UpstreamAlert {
  labels: Labels;
  annotations: Labels;
  state: "firing" | "pending" | "inactive";
  activeAt?: string;
  value?: string;
}

/** https://prometheus.io/docs/prometheus/latest/querying/api/#rules */
export interface UpstreamRuleGroup {
  name: string;
  file: string;
  interval?: number;
  rules: {
    name: string;
    query: string;
    type: "alerting" | "recording";
    duration?: number;
    labels?: Labels;
    annotations?: Labels;
    health?: string;
    state?: string;
  }[];
}

/** https://prometheus.io/docs/prometheus/latest/querying/api/#build-information */
export interface BuildInfo {
  version: string;
  revision?: string;
  branch?: string;
  goVersion?: string;
}

/** A successful answer and the warnings Prometheus attached to it. */
export interface Answer<T> {
  data: T;
  warnings: string[];
}
