// The recording rules signalboard writes for itself (the design's "Recorded signals"): their names,
// labels and expressions. The generator (GET /api/v1/rules, `npm run rules`) serialises these groups;
// the reader (lib/promql/recorded-read.ts) selects the same names and labels. One place for both, so
// what is written is what is read.
import { createHash } from "node:crypto";
import type { Convention } from "@/lib/config/schema";
import { formatDuration } from "@/lib/time/parse-time";
import { byLabels } from "./escape";
import { NAMESPACE, SERVICE, withIdentityLabels } from "./labels";
import { conventionLatencyBuckets, conventionRequestRate, measuresLatencyOf, type Outcome } from "./red";

/** Labels of every recorded series besides the identity (`service`, `namespace`) and `convention`. */
export const OUTCOME = "outcome";
export const STATUS_CLASS = "status_class";
/** Label of the evaluation marker: the hash of the convention's rule definitions. */
export const DEFINITION = "definition";

/** Requests per second by identity, outcome and status class, over the rule window. */
export const recordedRequests = (windowSeconds: number) =>
  `signalboard_service:requests:rate${formatDuration(windowSeconds)}`;
/** Bucket rates of the duration histogram by identity, `le` and outcome, in the convention's unit. */
export const recordedBuckets = (windowSeconds: number) =>
  `signalboard_service:request_duration_bucket:rate${formatDuration(windowSeconds)}`;
/**
 * One series per convention whose value is the instant of its rules' evaluation: `min_over_time`
 * of it says since when the rules run, its last value when they last ran, and its `definition`
 * label which definitions wrote the recorded series (a reader trusts only its own).
 */
export const RULES_EVALUATED = "signalboard_convention:rules:evaluation_timestamp_seconds";

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  /** Seconds between evaluations. */
  interval: number;
  rules: RecordingRule[];
}

export interface RecordingOptions {
  /** The rate window of the recorded series: the current values' window (currentWindow). */
  windowSeconds: number;
  /** How often the rules are evaluated: the scrape interval, so a recorded value is never older than a scrape. */
  intervalSeconds: number;
}

/** Outcomes recorded for a convention's histogram: success and failure apart where it can tell, else all. */
export function recordedLatencyOutcomes(c: Convention): Outcome[] {
  return measuresLatencyOf(c, "success") ? ["success", "failure"] : ["all"];
}

/** The identity labels of a recorded series: `service`, and `namespace` where the convention has one. */
function identityLabels(c: Convention): string[] {
  return c.namespaceLabel ? [SERVICE, NAMESPACE] : [SERVICE];
}

// statusClass() in lib/signals/service-detail.ts: an HTTP code by its class, anything else as it is.
// RE2 has no negative look-ahead, so "not an HTTP code" is spelt out: not three characters, or a
// first character outside 1-5, or a second or third that is not a digit.
const HTTP_CODE = "([1-5])[0-9][0-9]";
const NOT_HTTP_CODE = "(|.|..|.{4,}|[^1-5]..|.[^0-9].|..[^0-9])";

function withStatusClass(expr: string, statusLabel: string): string {
  const http = `label_replace(${expr}, "${STATUS_CLASS}", "\${1}xx", "${statusLabel}", "${HTTP_CODE}")`;
  return `label_replace(${http}, "${STATUS_CLASS}", "$1", "${statusLabel}", "${NOT_HTTP_CODE}")`;
}

/** requests: red.ts's request rate of one outcome by service and status code, summed by identity and status class. */
function requestsExpr(c: Convention, outcome: Outcome, windowSeconds: number): string {
  const byCode = conventionRequestRate(c, { window: windowSeconds }, [c.statusLabel], outcome);
  return `sum ${byLabels([...identityLabels(c), STATUS_CLASS])} (${withStatusClass(withIdentityLabels(byCode, c), c.statusLabel)})`;
}

/** buckets: red.ts's bucket rates of one outcome by service and `le`, summed by identity and `le`. */
function bucketsExpr(c: Convention, outcome: Outcome, windowSeconds: number): string {
  const byLe = conventionLatencyBuckets(c, { window: windowSeconds }, outcome);
  return `sum ${byLabels([...identityLabels(c), "le"])} (${withIdentityLabels(byLe, c)})`;
}

/** The hash of a convention's recording rules: the marker's `definition`, so a changed rule is never read as the old one. */
export function definitionHash(rules: readonly RecordingRule[], o: object): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ o, rules }));
  return h.digest("hex").slice(0, 12);
}

/** The rules of one convention, without its marker. */
function conventionRules(c: Convention, o: RecordingOptions): RecordingRule[] {
  const labels = (outcome: Outcome) => ({ convention: c.name, [OUTCOME]: outcome });
  return [
    ...(["success", "failure"] as const).map((outcome) => ({
      record: recordedRequests(o.windowSeconds),
      expr: requestsExpr(c, outcome, o.windowSeconds),
      labels: labels(outcome),
    })),
    ...recordedLatencyOutcomes(c).map((outcome) => ({
      record: recordedBuckets(o.windowSeconds),
      expr: bucketsExpr(c, outcome, o.windowSeconds),
      labels: labels(outcome),
    })),
  ];
}

/** The hash of the rules signalboard would write for `c` today: what the reader compares the marker's with. */
export function conventionDefinition(c: Convention, o: RecordingOptions): string {
  return definitionHash(conventionRules(c, o), o);
}

/**
 * One group per convention, `signalboard-<convention>`: its requests by outcome, its buckets by
 * outcome (or of all requests where the histogram has no status label), and last the marker, so
 * that a marker at an instant means the group's rules were evaluated at that instant.
 */
export function recordingRuleGroups(conventions: readonly Convention[], o: RecordingOptions): RuleGroup[] {
  return conventions.map((c) => {
    const rules = conventionRules(c, o);
    return {
      name: `signalboard-${c.name}`,
      interval: o.intervalSeconds,
      rules: [
        ...rules,
        {
          record: RULES_EVALUATED,
          expr: "vector(time())",
          labels: { convention: c.name, [DEFINITION]: definitionHash(rules, o) },
        },
      ],
    };
  });
}
