import { LABEL_NAME, METRIC_NAME } from "@/lib/config/schema";
import { BadInputError } from "@/lib/errors";

/** Raised when a name would not be a valid PromQL identifier; nothing is sent upstream. */
export class PromQLNameError extends BadInputError {
  override name = "PromQLNameError";
  constructor(message: string) {
    super("invalid_name", message);
  }
}

/** Escapes a label value for a double-quoted PromQL string: backslash, quote and newline. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Returns the metric name unchanged, or throws when it is not a Prometheus metric name. */
export function metricName(name: string): string {
  if (!METRIC_NAME.test(name)) throw new PromQLNameError(`invalid metric name: ${JSON.stringify(name)}`);
  return name;
}

/** Returns the label name unchanged, or throws when it is not a Prometheus label name. */
export function labelName(name: string): string {
  if (!LABEL_NAME.test(name)) throw new PromQLNameError(`invalid label name: ${JSON.stringify(name)}`);
  return name;
}

export type MatchOp = "=" | "!=" | "=~" | "!~";

export interface Matcher {
  label: string;
  op: MatchOp;
  value: string;
}

/** `metric{a="x",b=~"y"}` with every name checked and every value escaped. */
export function selector(metric: string, matchers: readonly Matcher[] = []): string {
  const inner = matchers.map((m) => `${labelName(m.label)}${m.op}"${escapeLabelValue(m.value)}"`).join(",");
  return inner ? `${metricName(metric)}{${inner}}` : metricName(metric);
}

/** Equality matchers from a label → value map, in a stable order. */
export function equalityMatchers(labels: Record<string, string>): Matcher[] {
  return Object.keys(labels)
    .sort()
    .map((label) => ({ label, op: "=" as const, value: labels[label] ?? "" }));
}

/** `by (a, b)` with every name checked. */
export function byLabels(labels: readonly string[]): string {
  return `by (${labels.map(labelName).join(", ")})`;
}
