// The recording rules as the files that load them: a Prometheus rule file (Prometheus, Thanos
// Ruler, the Mimir ruler, vmalert all read it) and the prometheus-operator's PrometheusRule.
import { stringify } from "yaml";
import { z } from "zod";
import { BadInputError } from "@/lib/errors";
import type { Config, Convention } from "@/lib/config/schema";
import { recordingRuleGroups, type RecordingOptions, type RuleGroup } from "@/lib/promql/recorded";
import { configuredRecordings, sloRecordingGroups } from "@/lib/promql/slo-recorded";
import type { ResolvedSlo } from "@/lib/slo/resolve";
import { formatDuration } from "@/lib/time/parse-time";
import { currentWindow } from "@/lib/time/range";
import { DEFAULT_EXTERNAL_URL, SLO_ALERTS_GROUP, sloAlertGroups, type AlertGroup } from "./slo-alerts";

/** Recording groups and the alert group, as a rule file holds them. */
type AnyGroup = RuleGroup | AlertGroup;

/** The rules' window and interval from the configuration: the current values' window, evaluated every scrape. */
export function recordingOptions(cfg: Config): RecordingOptions {
  const scrape = cfg.prometheus.scrapeIntervalSeconds;
  return { windowSeconds: currentWindow(cfg.services.statusWindowSeconds, scrape), intervalSeconds: scrape };
}

/** The groups as Prometheus's rule-file schema has them (interval as a duration string). */
export function ruleFileGroups(groups: readonly AnyGroup[]) {
  return groups.map((g) => ({ name: g.name, interval: formatDuration(g.interval), rules: g.rules }));
}

/** A Prometheus rule file (`rule_files:`), one long line per expression so that it reads as PromQL. */
export function ruleFileYaml(groups: readonly AnyGroup[]): string {
  return stringify({ groups: ruleFileGroups(groups) }, { lineWidth: 0 });
}

/** The formats the rules are served in: a plain rule file, or a prometheus-operator PrometheusRule. */
export const ruleFileFormat = z.enum(["prometheus", "prometheus-operator"]);
export type RuleFileFormat = z.infer<typeof ruleFileFormat>;

// Kubernetes object names (RFC 1123 subdomain) and namespaces (RFC 1123 label), as the API server checks them.
export const kubernetesName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, "must be a DNS-1123 subdomain");
export const kubernetesNamespace = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label");

export const DEFAULT_RULE_NAME = "signalboard-recording-rules";

export interface RuleFileRequest {
  format: RuleFileFormat;
  /** The PrometheusRule's metadata.name (default signalboard-recording-rules) and namespace (default: none, kubectl's). */
  name?: string;
  namespace?: string;
  /** Lines added to the header comment (e.g. that the conventions in use were found from a stale answer). */
  notes?: readonly string[];
}

/** The request's parameters, as `GET /api/v1/rules` and `npm run rules` read them. */
export const ruleFileParams = {
  format: ruleFileFormat.optional(),
  name: kubernetesName.optional(),
  namespace: kubernetesNamespace.optional(),
};

/** A request with its default format; `name` and `namespace` name a PrometheusRule and mean nothing to a plain rule file. */
export function ruleFileRequest(p: { format?: RuleFileFormat; name?: string; namespace?: string }): RuleFileRequest {
  const format = p.format ?? "prometheus";
  for (const param of ["name", "namespace"] as const)
    if (p[param] !== undefined && format !== "prometheus-operator")
      throw new BadInputError("invalid_param", `${param}: only with format=prometheus-operator`, param);
  return { format, name: p.name, namespace: p.namespace };
}

/** What the rule file's SLO groups are written from: the SLOs discovered, and each convention's `le` values. */
export interface SloInputs {
  slos: readonly ResolvedSlo[];
  les: ReadonlyMap<string, readonly string[]>;
}

export const NO_SLOS: SloInputs = { slos: [], les: new Map() };

/** The header's lines about the SLO groups, where there are SLOs. */
function sloHeader(cfg: Config, slos: readonly ResolvedSlo[], groups: readonly AnyGroup[]): string[] {
  if (slos.length === 0) return [];
  const names = [...new Set(slos.map((s) => s.convention.name))].join(", ");
  const alerting = slos.filter((s) => s.alerting).length;
  const alerts = groups.some((g) => g.name === SLO_ALERTS_GROUP)
    ? `# ${SLO_ALERTS_GROUP}: the burn-rate alerts of the ${alerting} SLO(s) that alert, linking to ${cfg.externalUrl ?? DEFAULT_EXTERNAL_URL}.`
    : "# No SLO alerts: no SLO is configured to alert.";
  return [
    `# SLOs: ${slos.length} of discovered services. Groups signalboard-slo-<convention> (burn windows 5m to 3d,`,
    `# every minute) and signalboard-slo-<convention>-period (the period's increase, every 5m) for ${names}.`,
    alerts,
    ...(cfg.externalUrl === undefined && alerting
      ? ["# externalUrl is not set in signalboard's configuration: set it so that the alert links reach signalboard."]
      : []),
  ];
}

function header(
  conventions: readonly Convention[],
  o: RecordingOptions,
  r: RuleFileRequest,
  slo: readonly string[],
): string {
  const names = conventions.length ? conventions.map((c) => c.name).join(", ") : "(none in use)";
  const load =
    r.format === "prometheus"
      ? 'Load it with rule_files: in prometheus.yml and POST /-/reload (or SIGHUP); Thanos Ruler,\n# the Mimir ruler and vmalert read it as it is (README, "Recording rules").'
      : 'Apply it with kubectl apply -f; the Prometheus resource\'s ruleSelector must match its labels\n# (README, "Recording rules").';
  return [
    "# Recording rules generated by signalboard; regenerate rather than edit.",
    `# Conventions: ${names}.`,
    `# Window ${formatDuration(o.windowSeconds)}, evaluated every ${formatDuration(o.intervalSeconds)}.`,
    `# ${load}`,
    ...slo,
    ...(r.notes ?? []).map((n) => `# ${n}`),
    "",
  ].join("\n");
}

/** A PrometheusRule manifest holding the same groups (monitoring.coreos.com/v1). */
function prometheusRuleYaml(groups: readonly AnyGroup[], r: RuleFileRequest): string {
  const manifest = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: {
      name: r.name ?? DEFAULT_RULE_NAME,
      ...(r.namespace ? { namespace: r.namespace } : {}),
      labels: { "app.kubernetes.io/name": "signalboard" },
    },
    spec: { groups: ruleFileGroups(groups) },
  };
  return stringify(manifest, { lineWidth: 0 });
}

/**
 * The whole file `GET /api/v1/rules` and `npm run rules` answer: a header comment, the recorded
 * signals' groups of `conventions`, then the SLO recording groups and the SLO alert group of `slos`.
 */
export function renderRuleFile(
  cfg: Config,
  conventions: readonly Convention[],
  r: RuleFileRequest,
  { slos, les }: SloInputs = NO_SLOS,
): string {
  const o = recordingOptions(cfg);
  // The SLO groups of the conventions that own an SLO, each recorded as the configuration asks (the hash the reader expects).
  const owning = [...new Map(slos.map((s) => [s.convention.name, s.convention])).values()];
  const groups: AnyGroup[] = [
    ...recordingRuleGroups(conventions, o),
    ...sloRecordingGroups(configuredRecordings(cfg, owning, les)),
    ...sloAlertGroups(cfg, slos),
  ];
  const body = r.format === "prometheus" ? ruleFileYaml(groups) : prometheusRuleYaml(groups, r);
  return header(conventions, o, r, sloHeader(cfg, slos, groups)) + body;
}
