import { z } from "zod";
import { authSchema } from "./auth-schema";
import { SINGLE_SOURCE, SOURCE_NAME } from "@/lib/identity/service-identity";
import { serverSchema } from "./server-schema";

/** Prometheus metric and label names: https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const metricName = z.string().regex(METRIC_NAME, "must be a Prometheus metric name");
const labelName = z.string().regex(LABEL_NAME, "must be a Prometheus label name");
const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, "must be a valid regular expression");

/** How one instrumentation names its request counter, duration histogram and labels. */
export const conventionSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
    requests: metricName,
    duration: metricName,
    durationUnit: z.enum(["seconds", "milliseconds"]).default("seconds"),
    serviceLabel: labelName,
    statusLabel: labelName,
    errorStatus: regex.default("5.."),
    namespaceLabel: labelName.optional(),
    routeLabel: labelName.optional(),
    instanceLabel: labelName.default("instance"),
    // Extra equality matchers every query of this convention carries, e.g. Istio's reporter="destination".
    matchers: z.record(labelName, z.string().max(256)).default({}),
    // Requests left out of every query, label → regular expression (`label!~"re"`), e.g. the API
    // server's long-running WATCH and CONNECT, whose durations are those of a stream, not a request.
    exclude: z.record(labelName, regex).default({}),
    // False where the duration histogram has no status label (Prometheus, the API server, CoreDNS,
    // grpc-go, Envoy): latency of all requests is known, of successful or failed ones is not.
    durationHasStatus: z.boolean().default(true),
  })
  .strict();

export type Convention = z.infer<typeof conventionSchema>;

const thresholdPair = z
  .object({ degraded: z.number().nonnegative(), failing: z.number().nonnegative() })
  .strict()
  .refine((t) => t.degraded <= t.failing, "degraded must not exceed failing");

/** The mixin's default nodeExporterSelector. */
const DEFAULT_NODE_SELECTOR: Readonly<Record<string, string>> = { job: "node" };

/** The `nodes:` section: equality matchers that select node_exporter series. */
const nodesSchema = z
  .object({
    selector: z
      .record(labelName, z.string().max(256))
      .refine((s) => Object.keys(s).length > 0, "must name at least one label")
      .default({ ...DEFAULT_NODE_SELECTOR }),
  })
  .strict()
  .prefault({});

/** An SLO objective: the share of requests that must be good, strictly between 0 and 1. */
const objective = z.number().gt(0, "must be above 0").lt(1, "must be below 1 (e.g. 0.999)");

export const SLO_PERIODS = ["30d", "28d", "7d"] as const;
const sloPeriod = z.enum(SLO_PERIODS);

/** "99 % of requests within 100 ms": an objective and the threshold a good request is no slower than. */
const latencyObjective = z.object({ objective, thresholdSeconds: z.number().positive().max(3600) }).strict();

/** The SLOs every discovered service gets, marked "default"; they do not page unless `alert` says so. */
const sloDefaults = z
  .object({
    period: sloPeriod.default("30d"),
    availability: objective.default(0.99),
    latency: latencyObjective.default({ objective: 0.99, thresholdSeconds: 0.5 }),
    alert: z.boolean().default(false),
  })
  .strict();

/** One service's own objectives, by identity; a kind it leaves out keeps the default, `false` removes it. */
const serviceSlo = z
  .object({
    service: z.string().min(1).max(256),
    namespace: z.string().max(256).optional(),
    period: sloPeriod.optional(),
    availability: z.union([objective, z.literal(false)]).optional(),
    latency: z.union([latencyObjective, z.literal(false)]).optional(),
    // A service's own SLOs page unless told not to: someone chose them.
    alert: z.boolean().default(true),
  })
  .strict();

/**
 * TLS to the upstream, named like Prometheus's tls_config
 * (https://prometheus.io/docs/prometheus/latest/configuration/configuration/#tls_config). The files
 * are read again when they change: Kubernetes rotates Secrets in place.
 */
const tlsSchema = z
  .object({
    // PEM; the CAs that may sign the upstream's certificate, instead of the ones Node trusts.
    caFile: z.string().min(1).optional(),
    // PEM client certificate and its key, for an upstream that demands mutual TLS.
    certFile: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    // The name the upstream's certificate must hold (and the SNI sent), when the URL's host is not it.
    serverName: z.string().min(1).max(253).optional(),
    insecureSkipVerify: z.boolean().default(false),
    minVersion: z.enum(["TLS12", "TLS13"]).default("TLS12"),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.certFile && !t.keyFile)
      ctx.addIssue({ code: "custom", path: ["keyFile"], message: "must be set with certFile (the certificate's key)" });
    if (t.keyFile && !t.certFile)
      ctx.addIssue({ code: "custom", path: ["certFile"], message: "must be set with keyFile (the key's certificate)" });
  });

/** One upstream: URL, timeout, auth, TLS, headers. The `prometheus:` block and every `sources:` entry. */
const upstreamFields = {
  url: z
    .url({ protocol: /^https?$/ })
    // fetch refuses URLs with credentials; they belong in basicAuth, read from a file.
    .refine(
      (u) => !new URL(u).username && !new URL(u).password,
      "must not contain user:password; use prometheus.basicAuth",
    )
    .default("http://127.0.0.1:9090"),
  timeoutSeconds: z.number().positive().max(300).default(15),
  // Used for rate windows; Prometheus does not report it through its query API.
  scrapeIntervalSeconds: z.number().positive().max(3600).default(15),
  maxConcurrency: z.number().int().min(1).max(64).default(8),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().max(1024)).default({}),
  bearerTokenFile: z.string().min(1).optional(),
  basicAuth: z
    .object({ username: z.string().min(1), passwordFile: z.string().min(1) })
    .strict()
    .optional(),
  tls: tlsSchema.optional(),
};

// A TLS block beside an http:// URL would be ignored, and the operator believe the traffic encrypted.
const tlsNeedsHttps: [(p: { tls?: unknown; url: string }) => boolean, { path: string[]; message: string }] = [
  (p) => !p.tls || p.url.startsWith("https:"),
  { path: ["tls"], message: "is set, but the url is not https://" },
];

const prometheusSchema = z
  .object(upstreamFields)
  .strict()
  .refine(...tlsNeedsHttps);

/** One named upstream of `sources:`: a `prometheus:` block with a name and an optional label selector. */
const sourceSchema = z
  .object({
    name: z
      .string()
      .regex(SOURCE_NAME, "must be 1 to 32 lower-case letters, digits and dashes")
      .refine((n) => n !== SINGLE_SOURCE, `is the name of the single prometheus: block's source; choose another`),
    ...upstreamFields,
    // Label name -> exact value, added to every query sent to this source (one global store holding many clusters).
    selector: z
      .record(labelName, z.string().max(256))
      .refine((s) => Object.keys(s).length > 0, "must name at least one label")
      .optional(),
  })
  .strict()
  .refine(...tlsNeedsHttps);

export const configSchema = z
  .object({
    prometheus: prometheusSchema.optional(),
    sources: z
      .array(sourceSchema)
      .min(1, "must name at least one source")
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((s, i) => {
          if (seen.has(s.name))
            ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${s.name}" is used by an earlier source` });
          seen.add(s.name);
        });
      })
      .optional(),
    limits: z
      .object({
        maxRangeDays: z.number().positive().max(3650).default(31),
        maxSeries: z.number().int().positive().default(20_000),
        minRefreshSeconds: z.number().int().min(1).default(10),
      })
      .strict()
      .prefault({}),
    services: z
      .object({
        presets: z.boolean().default(true),
        conventions: z.array(conventionSchema).default([]),
        // The rate window of current values and of the status verdict (raised to four scrapes when shorter).
        statusWindowSeconds: z.number().int().min(1).max(3600).default(60),
        thresholds: z
          .object({
            errorRatio: thresholdPair.default({ degraded: 0.01, failing: 0.05 }),
            p99Seconds: thresholdPair.default({ degraded: 0.5, failing: 1 }),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    nodes: nodesSchema,
    recordedSignals: z
      .object({
        // Read signalboard's recorded series where they cover the question; false: raw series only (to compare).
        read: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    slos: z
      .object({
        defaults: z.union([sloDefaults, z.literal(false)]).prefault({}),
        services: z.array(serviceSlo).default([]),
      })
      .strict()
      .prefault({}),
    // Where users open signalboard (e.g. https://signalboard.example): the alert rules' links to its pages.
    externalUrl: z
      .url({ protocol: /^https?$/ })
      .refine((u) => !u.endsWith("/"), "must not end with /")
      .optional(),
    cache: z
      .object({
        // Upstream answers kept in memory, bounded by their size, not only by their number.
        maxMegabytes: z.number().positive().max(4096).default(128),
        // While anyone has watched live within this many seconds, the current values are computed
        // once at the start of each scrape slot for every viewer; 0 turns it off.
        keepWarmSeconds: z.number().int().min(0).max(3600).default(300),
      })
      .strict()
      .prefault({}),
    server: serverSchema,
    auth: authSchema,
  })
  .strict()
  .transform((c, ctx) => {
    const defaults = prometheusSchema.parse({});
    if (c.sources && c.prometheus && JSON.stringify(c.prometheus) !== JSON.stringify(defaults)) {
      ctx.addIssue({
        code: "custom",
        path: ["sources"],
        message: "is set beside prometheus: move the prometheus block into sources as one named entry",
        input: c.sources,
      });
      return z.NEVER;
    }
    // One list from here on: the single block is the source "default"; `prometheus` is the first
    // source's block, and per-source work sees its own (lib/api/sources.ts).
    const sources: Source[] = c.sources ?? [{ name: SINGLE_SOURCE, ...(c.prometheus ?? defaults) }];
    // The first source's block without its name and selector (a zod object strips unknown keys).
    const first = z.object(upstreamFields).parse(sources[0]);
    return { ...c, prometheus: first, sources };
  });

export type Config = z.infer<typeof configSchema>;
export type PrometheusConfig = z.infer<typeof prometheusSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type TlsConfig = z.infer<typeof tlsSchema>;
export type Thresholds = Config["services"]["thresholds"];
export type SloDefaults = z.infer<typeof sloDefaults>;
export type ServiceSloConfig = z.infer<typeof serviceSlo>;
export type SloPeriod = (typeof SLO_PERIODS)[number];
