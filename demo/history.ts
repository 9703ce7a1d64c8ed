// A day of past samples for the demo's Prometheus, in OpenMetrics text for `promtool tsdb
// create-blocks-from openmetrics`: the same series, with the same job and instance labels, that
// scraping the live fleet, the conventions simulator and the OpenTelemetry services produces, with a day-night traffic curve
// and a few past incidents. Counters end high; the live processes start again from 0, which
// rate() reads as a counter reset, as after any restart.
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import {
  CONVENTION_ERROR_RATIO,
  CONVENTION_NOT_FOUND_RATIO,
  CONVENTION_RATE,
  CONVENTION_SIGMA,
  ISTIO_BUCKETS,
  ISTIO_DESTINATION,
  LEGACY_OTEL_BUCKETS,
  OTEL_BUCKETS,
  istioLabels,
  istioServices,
  legacyRoutes,
  otelRoutes,
} from "./conventions-model";
import type { Labels } from "./exposition";
import { DURATION_BUCKETS, LATENCY_SIGMA, STALL_MS } from "./fleet-service";
import { dayFactor, routeLoads, routeOutcome, type PastIncident } from "./history-model";
import type { PortMap } from "./ports";
import { normal } from "./random";
import { rateAt } from "./traffic";

/**
 * The otel_scope_* labels the Prometheus exporter puts on the instrumentation's series, read from
 * the installed package; here, not in the shared model, so only the backfill loads OpenTelemetry.
 */
function otelScopeLabels(): Record<string, string> {
  const { instrumentationName, instrumentationVersion } = new HttpInstrumentation({ enabled: false });
  return { otel_scope_name: instrumentationName, otel_scope_version: instrumentationVersion };
}

export interface HistoryOptions {
  ports: PortMap;
  end: number; // unix seconds: the last sample; live scraping starts after it
  hours: number;
  incidents: PastIncident[];
}

/** promtool cuts blocks at multiples of two hours; one input per block keeps it to one pass each. */
export const BLOCK_SECONDS = 7200;

/** Past incidents, hours before the end: visible in the 24 h and 7 d views, and the spike in 6 h. */
export function pastIncidents(end: number): PastIncident[] {
  const at = (hoursAgo: number, minutes: number) => ({
    start: end - hoursAgo * 3600,
    end: end - hoursAgo * 3600 + minutes * 60,
  });
  return [
    { kind: "error-burst", service: "checkout", ...at(9, 25) },
    { kind: "latency-spike", service: "payments", ...at(3, 20) },
  ];
}

/**
 * Sample times, denser towards the end so that every view's rate window holds two or more
 * samples: 10 s in the last hour (the 1 h detail charts' 20 s window), 30 s back to 6 h, 120 s
 * before (the 24 h charts' 5 min window).
 */
export function sampleTimes(end: number, hours: number): number[] {
  const tiers = [
    [hours * 3600, 120],
    [6 * 3600, 30],
    [3600, 10],
  ] as const;
  const times: number[] = [];
  tiers.forEach(([back, step], i) => {
    const until = i + 1 < tiers.length ? end - (tiers[i + 1]?.[0] ?? 0) : end + 1;
    const from = end - Math.min(back, hours * 3600);
    for (let t = Math.ceil(Math.max(from, times.at(-1) ?? from) / step) * step; t < until; t += step)
      if (t > (times.at(-1) ?? -Infinity)) times.push(t);
  });
  return times;
}

const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const seriesName = (name: string, labels: Labels) =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(",")}}`;

/** Standard normal CDF (Abramowitz–Stegun 7.1.26), for the share of log-normal durations under a bucket bound. */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf =
    1 -
    t *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

interface Latency {
  median: number; // in the histogram's unit
  sigma: number;
  stall: number; // share stalling for STALL_MS, converted to the unit by `scale`
  scale: number; // histogram units per ms
}

const below = (le: number, l: Latency) => {
  const lognormal = le <= 0 ? 0 : phi(Math.log(le / l.median) / l.sigma);
  const stalled = Math.min(1, Math.max(0, (le / l.scale - STALL_MS.min) / STALL_MS.span));
  return (1 - l.stall) * lognormal + l.stall * stalled;
};
const mean = (l: Latency) =>
  (1 - l.stall) * l.median * Math.exp((l.sigma * l.sigma) / 2) + l.stall * (STALL_MS.min + STALL_MS.span / 2) * l.scale;

/** A cumulative histogram (and, for Istio, a request counter) whose lines collect one window's samples. */
class HistorySeries {
  private readonly names: string[];
  private readonly values: number[];
  private readonly samples: string[][];

  constructor(
    name: string,
    labels: Labels,
    private readonly buckets: number[],
    counter?: string,
  ) {
    this.names = [
      ...buckets.map((le) => seriesName(`${name}_bucket`, { ...labels, le: String(le) })),
      seriesName(`${name}_bucket`, { ...labels, le: "+Inf" }),
      seriesName(`${name}_sum`, labels),
      seriesName(`${name}_count`, labels),
      ...(counter ? [seriesName(counter, labels)] : []),
    ];
    this.values = this.names.map(() => 0);
    this.samples = this.names.map(() => []);
  }

  /** Adds `count` requests with the given latency, then records every series at time t. */
  observe(t: number, count: number, latency: Latency): void {
    const u = Math.random(); // one rounding for all bounds keeps the buckets cumulative
    const k = this.buckets.length;
    this.buckets.forEach((le, i) => (this.values[i]! += Math.floor(count * below(le, latency) + u)));
    this.values[k]! += count;
    this.values[k + 1]! += count * mean(latency);
    this.values[k + 2]! += count;
    if (this.values.length > k + 3) this.values[k + 3]! += count;
    this.names.forEach((_, i) =>
      this.samples[i]!.push(`${this.names[i]} ${Math.round(this.values[i]! * 1000) / 1000} ${t}`),
    );
  }

  /** The collected samples, series by series, and a fresh start for the next window. */
  drain(): string[] {
    const lines = this.samples.flat();
    this.samples.forEach((s) => (s.length = 0));
    return lines;
  }
}

interface Source {
  series: HistorySeries;
  /** Requests per second over the `seconds` before t, and their latency. */
  at(t: number, seconds: number): { rate: number; latency: Latency };
}

/** The traffic generator's rate averaged over an interval: its wobble is faster than the sampling. */
function entryRate(t: number, seconds: number): number {
  const parts = 8;
  let sum = 0;
  for (let i = 0; i < parts; i++) sum += rateAt(t - (seconds * (i + 0.5)) / parts);
  return sum / parts;
}

const requests = (rate: number, seconds: number) =>
  Math.max(0, Math.round(rate * seconds + Math.sqrt(rate * seconds) * normal()));

function fleetSources(o: HistoryOptions): Source[] {
  const sources: Source[] = [];
  for (const load of routeLoads()) {
    const instances = o.ports.fleet.filter((i) => i.service === load.service);
    const baseline = routeOutcome(load.service, load.route, o.end, []);
    for (const instance of instances) {
      for (const status of baseline.statuses.keys()) {
        const labels = {
          job: load.service,
          instance: instance.address,
          method: load.route.method,
          route: load.route.template,
          status_code: status,
        };
        sources.push({
          series: new HistorySeries("http_request_duration_seconds", labels, DURATION_BUCKETS),
          at: (t, seconds) => {
            const outcome = routeOutcome(load.service, load.route, t, o.incidents);
            const rate =
              (entryRate(t, seconds) * dayFactor(t, o.end) * load.share * (outcome.statuses.get(status) ?? 0)) /
              instances.length;
            return {
              rate,
              latency: { median: outcome.medianMs / 1000, sigma: LATENCY_SIGMA, stall: outcome.stall, scale: 1 / 1000 },
            };
          },
        });
      }
    }
  }
  return sources;
}

/** The share of each status of a service with this error ratio: 404s as the simulator answers them, 503s counted as 500s. */
const conventionStatuses = (errorRatio: number) =>
  [
    ["200", 1 - errorRatio - CONVENTION_NOT_FOUND_RATIO],
    ["404", CONVENTION_NOT_FOUND_RATIO],
    ["500", errorRatio],
  ] as const;

/** The conventions simulator's services; 503s are counted as 500s and Istio's client-side reports are left out (unread). */
function conventionSources(o: HistoryOptions): Source[] {
  const instance = `127.0.0.1:${o.ports.conventions}`;
  const sources: Source[] = [];
  const add = (
    name: string,
    labels: Labels,
    buckets: number[],
    rate: number,
    medianMs: number,
    scale: number,
    counter?: string,
    errorRatio = CONVENTION_ERROR_RATIO,
  ) => {
    for (const [status, share] of conventionStatuses(errorRatio)) {
      // "{error}": a label only 5xx answers have (OpenTelemetry's error.type), holding the status.
      const withStatus = Object.fromEntries(
        Object.entries(labels).flatMap(([k, v]) => {
          if (v === "{error}") return status.startsWith("5") ? [[k, status]] : [];
          return [[k, v === "{status}" ? status : v]];
        }),
      );
      const latency = { median: medianMs * scale, sigma: CONVENTION_SIGMA, stall: 0, scale };
      sources.push({
        series: new HistorySeries(name, withStatus, buckets, counter),
        at: (t) => ({ rate: rate * share * dayFactor(t, o.end), latency }),
      });
    }
  };
  const scope = otelScopeLabels();
  for (const { service, port } of o.ports.otel) {
    const routes = otelRoutes[service] ?? [];
    for (const [method, route, ms] of routes) {
      // The labels of demo/otel-service.ts's series as its exporter writes them, in its own job.
      const labels = {
        job: service,
        instance: `127.0.0.1:${port}`,
        http_request_method: method,
        url_scheme: "http",
        network_protocol_version: "1.1",
        http_route: route,
        http_response_status_code: "{status}",
        error_type: "{error}",
        ...scope,
      };
      add("http_server_request_duration", labels, OTEL_BUCKETS, CONVENTION_RATE / routes.length, ms, 1 / 1000);
    }
  }
  for (const [method, route, ms] of legacyRoutes) {
    const labels = {
      job: "email",
      instance,
      http_method: method,
      http_route: route,
      http_status_code: "{status}",
      http_scheme: "http",
    };
    add("http_server_duration_milliseconds", labels, LEGACY_OTEL_BUCKETS, CONVENTION_RATE / legacyRoutes.length, ms, 1);
  }
  for (const spec of istioServices) {
    const pairs = spec.sources.flatMap((source) => spec.workloads.map((workload) => [source, workload] as const));
    for (const [source, workload] of pairs) {
      const labels = {
        job: "conventions",
        instance,
        ...ISTIO_DESTINATION,
        ...istioLabels(spec, source, workload, "{status}"),
      };
      add(
        "istio_request_duration_milliseconds",
        labels,
        ISTIO_BUCKETS,
        spec.rate / pairs.length,
        spec.medianMs,
        1,
        "istio_requests_total",
        spec.errorRatio,
      );
    }
  }
  return sources;
}

/** Scrape targets that were up all along: the fleet's instances, the conventions exporter and the OpenTelemetry services. */
function upLines(o: HistoryOptions, times: number[]): string[] {
  const targets = [
    ...o.ports.fleet.map((i) => ({ job: i.service, instance: i.address })),
    { job: "conventions", instance: `127.0.0.1:${o.ports.conventions}` },
    ...o.ports.otel.map((t) => ({ job: t.service, instance: `127.0.0.1:${t.port}` })),
  ];
  return targets.flatMap((labels) => times.map((t) => `${seriesName("up", labels)} 1 ${t}`));
}

/** The history, one OpenMetrics text per two-hour block window, oldest first. */
export function* historyWindows(o: HistoryOptions): Generator<{ start: number; text: string }> {
  const times = sampleTimes(o.end, o.hours);
  const sources = [...fleetSources(o), ...conventionSources(o)];
  let i = 0;
  let previous = (times[0] ?? o.end) - 120;
  while (i < times.length) {
    const start = Math.floor(times[i]! / BLOCK_SECONDS) * BLOCK_SECONDS;
    const inWindow: number[] = [];
    for (; i < times.length && times[i]! < start + BLOCK_SECONDS; i++) inWindow.push(times[i]!);
    for (const t of inWindow) {
      const seconds = t - previous;
      previous = t;
      for (const s of sources) {
        const { rate, latency } = s.at(t, seconds);
        s.series.observe(t, requests(rate, seconds), latency);
      }
    }
    const lines = [...sources.flatMap((s) => s.series.drain()), ...upLines(o, inWindow), "# EOF", ""];
    yield { start, text: lines.join("\n") };
  }
}
